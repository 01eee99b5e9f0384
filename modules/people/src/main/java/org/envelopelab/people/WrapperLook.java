package org.envelopelab.people;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The branding a wrapper actually wears, read off its rendered HTML as a recipient sees it: the
 * introduction, the button's words, the colour and the disclaimer. What the transcript says of the
 * branding comes from the mail that arrived, not from the configuration that should have made it.
 */
final class WrapperLook {

    private WrapperLook() {
    }

    /** "introduction 'has sent you ...'; button 'Open your results'; colour #008080; disclaimer '...'", or empty. */
    static Optional<String> of(byte[] wrapper) {
        try {
            Optional<String> html = html(Opening.parse(wrapper));
            if (html.isEmpty()) {
                return Optional.empty();
            }
            Document page = Jsoup.parse(html.get());
            List<String> parts = new ArrayList<>();
            text(page, "introduction").ifPresent(text -> parts.add("introduction '" + text + "'"));
            text(page, "read-button").ifPresent(text -> parts.add("button '" + text + "'"));
            Element band = page.getElementById("brand-band");
            if (band != null && !band.attr("data-colour").isEmpty()) {
                parts.add("colour " + band.attr("data-colour"));
            }
            text(page, "disclaimer").ifPresent(text -> parts.add("disclaimer '" + text + "'"));
            if (page.selectFirst("#brand-band img") != null) {
                parts.add("a logo");
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Document page, String id) {
        Element element = page.getElementById(id);
        return element == null || element.text().isBlank() ? Optional.empty() : Optional.of(element.text());
    }

    private static Optional<String> html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    Optional<String> found = html(child);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
