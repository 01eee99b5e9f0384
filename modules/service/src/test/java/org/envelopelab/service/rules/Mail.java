package org.envelopelab.service.rules;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link MailFacts} for tests that are about rules rather than MIME: plain facts, said shortly. */
final class Mail {

    private String sender = ContosoBank.ALICE;
    private final List<String> recipients = new ArrayList<>();
    private String subject = "";
    private String body = "";
    private final List<MailFacts.AttachmentText> attachments = new ArrayList<>();
    private boolean smimeOpaque;
    private boolean protectedByService;
    private String requestedTemplate;

    private Mail() {
    }

    static Mail from(String sender) {
        Mail mail = new Mail();
        mail.sender = sender;
        return mail;
    }

    static Mail to(String... recipients) {
        return from(ContosoBank.ALICE).andTo(recipients);
    }

    Mail andTo(String... more) {
        recipients.addAll(List.of(more));
        return this;
    }

    Mail subject(String text) {
        subject = text;
        return this;
    }

    Mail body(String text) {
        body = text;
        return this;
    }

    Mail attach(String name, String contentType, String text) {
        attachments.add(new MailFacts.AttachmentText(name, contentType, text));
        return this;
    }

    /** What the service sees of S/MIME-encrypted mail: headers, nothing inside. */
    Mail smimeEncrypted() {
        smimeOpaque = true;
        body = "";
        attachments.clear();
        return this;
    }

    Mail protectedByService() {
        protectedByService = true;
        return this;
    }

    Mail asking(String template) {
        requestedTemplate = template;
        return this;
    }

    MailFacts facts() {
        return new MailFacts(sender, recipients, subject, body, attachments, smimeOpaque, protectedByService, requestedTemplate);
    }
}
