package org.envelopelab.people;

import java.util.List;

/**
 * What the portal's message page showed a person, read off the page as a browser would.
 *
 * @param subject     the subject shown
 * @param from        the sender shown
 * @param text        the text body shown
 * @param html        the text of the HTML body shown (in its sandboxed frame)
 * @param attachments the files offered, with what downloading each gave
 * @param actions     the actions the page offered: "reply", "reply-all", "forward", "print"
 */
public record PortalPage(String subject, String from, String text, String html, List<File> attachments,
                         List<String> actions) {

    public PortalPage {
        attachments = List.copyOf(attachments);
        actions = List.copyOf(actions);
    }

    /** A file downloaded from the page. */
    public record File(String name, byte[] content) {
    }

    /** Every text the page let the person see, for finding the scenario's secrets. */
    public String visibleText() {
        StringBuilder visible = new StringBuilder(subject).append('\n').append(from).append('\n')
                .append(text).append('\n').append(html).append('\n');
        for (File file : attachments) {
            visible.append(file.name()).append('\n')
                    .append(new String(file.content(), java.nio.charset.StandardCharsets.ISO_8859_1)).append('\n');
        }
        return visible.toString();
    }

    public boolean bodyShown() {
        return !text.isBlank() || !html.isBlank();
    }
}
