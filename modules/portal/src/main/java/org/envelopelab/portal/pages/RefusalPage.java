package org.envelopelab.portal.pages;

/**
 * A page that says no: a wrong link, a revoked or expired message, an ended session, a right the
 * recipient lacks. It shows the refusal's sentence and nothing of any message.
 *
 * @param back     where to go from here, or null
 * @param backText the words of that link
 */
public record RefusalPage(Look look, String title, String error, String back, String backText) {

    /** The page for a status: its title says in a few words what the sentence says in full. */
    public static RefusalPage of(Look look, int status, String sentence, String back, String backText) {
        return new RefusalPage(look, titleFor(status), sentence, back, backText);
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Check what you entered";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Link not found";
            case 410 -> "This message is no longer available";
            case 413 -> "Too long";
            case 429 -> "Too many attempts";
            case 503 -> "Starting";
            default -> "Something went wrong";
        };
    }
}
