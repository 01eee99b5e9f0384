package org.envelopelab.portal;

import java.util.List;

/**
 * A consumer identity provider — the lab's stand-in for signing in with a Google, Yahoo or
 * Microsoft account. The portal shows a sign-in page in the provider's name, asks it whether the
 * address and password belong together, and then lets the service decide whether that identity
 * may read the message ({@code PortalApi.signInWithProvider}). In the lab the provider checks the
 * account's mail password.
 */
public interface IdentityProvider {

    /** Whether the password is the account's; called only for addresses in {@link #domains()}. */
    boolean signIn(String address, String password);

    /** The consumer mail domains whose accounts this provider signs in, such as "gmail.example". */
    List<String> domains();
}
