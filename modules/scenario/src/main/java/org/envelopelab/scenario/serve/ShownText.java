package org.envelopelab.scenario.serve;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What a terminal mail client shows of a message it could open: the plain text, and the files by name. */
final class ShownText {

    private ShownText() {
    }

    static List<String> of(byte[] message) {
        List<String> lines = new ArrayList<>();
        try {
            walk(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message)), lines);
        } catch (MessagingException | IOException e) {
            lines.add("(the message cannot be shown: " + e.getMessage() + ")");
        }
        return lines;
    }

    private static void walk(Part part, List<String> lines) throws MessagingException, IOException {
        if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            lines.add("[attached: " + part.getFileName() + " (" + part.getContentType().split(";")[0] + ")]");
        } else if (part.isMimeType("multipart/alternative")) {
            Multipart alternatives = (Multipart) part.getContent();
            for (int i = 0; i < alternatives.getCount(); i++) {
                if (alternatives.getBodyPart(i).isMimeType("text/plain")) {
                    walk(alternatives.getBodyPart(i), lines);
                    return;
                }
            }
            walk(alternatives.getBodyPart(alternatives.getCount() - 1), lines);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (!child.isMimeType("application/pkcs7-signature")) {
                    walk(child, lines);
                }
            }
        } else if (part.isMimeType("text/*")) {
            lines.addAll(String.valueOf(part.getContent()).lines().toList());
        }
    }
}
