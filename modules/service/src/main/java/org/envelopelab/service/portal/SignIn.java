package org.envelopelab.service.portal;

/** The outcome of entering a passcode or signing in with a provider: a session, or a refusal with its reason and a sentence for the page. */
public sealed interface SignIn {

    boolean accepted();

    /** @param session the new portal session */
    record Accepted(PortalSession session) implements SignIn {
        @Override
        public boolean accepted() {
            return true;
        }
    }

    /**
     * @param reason why, for the caller
     * @param page   what the page says, the same for most reasons
     */
    record Refused(SignInRefusal reason, String page) implements SignIn {
        @Override
        public boolean accepted() {
            return false;
        }
    }
}
