package org.envelopelab.portal.guard;

import org.envelopelab.service.portal.PortalApi;

/**
 * A request the web layer turns away itself, before the service hears of it — a form without its
 * CSRF token, a path that is no portal path. The message
 * is the sentence for the page; nothing of any message is ever in it.
 */
public final class Refusal extends RuntimeException {

    /** The same sentence the service gives for a token it does not know, so no wrong link reads differently. */
    public static final String NO_SUCH_LINK = PortalApi.NO_SUCH_LINK;

    private final int status;

    public Refusal(int status, String page) {
        // No stack trace: a refusal is an answer, not a fault.
        super(page, null, false, false);
        this.status = status;
    }

    public static Refusal noSuchLink() {
        return new Refusal(404, NO_SUCH_LINK);
    }

    public static Refusal forgedForm() {
        return new Refusal(403, "This form did not come from this page, or it is too old. Go back, reload the page and try again.");
    }

    public static Refusal badInput(String page) {
        return new Refusal(400, page);
    }

    public int status() {
        return status;
    }
}
