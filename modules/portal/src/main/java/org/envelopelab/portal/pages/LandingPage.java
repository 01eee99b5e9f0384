package org.envelopelab.portal.pages;

import java.util.List;

/**
 * The page the wrapper's link opens: who sent the message and how to prove who you are — a
 * one-time passcode, or a consumer account. Nothing of the message.
 *
 * @param passcodes whether the branding offers one-time passcodes
 * @param providers the identity providers offered, empty when the branding turns social sign-in off
 */
public record LandingPage(Look look, String title, String sender, boolean passcodes, String passcodeAction, String csrf,
                          List<ProviderLink> providers) {

    public boolean socialSignIn() {
        return !providers.isEmpty();
    }
}
