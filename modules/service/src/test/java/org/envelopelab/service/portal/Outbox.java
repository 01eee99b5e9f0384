package org.envelopelab.service.portal;

import org.envelopelab.service.branding.BrandingTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stands in for SMTP: keeps every passcode mail, reply and forward the portal hands over. */
final class Outbox implements PasscodeMailer, ReplySender, ForwardSender {

    record PasscodeSent(String to, String reference, String passcode, String senderName, Instant expires) {
    }

    record Reply(String from, List<String> to, String subject, String text, String inReplyTo, String template) {
    }

    record Forward(String from, List<String> to, byte[] mime, String template) {
    }

    final List<PasscodeSent> passcodes = new ArrayList<>();
    final List<Reply> replies = new ArrayList<>();
    final List<Forward> forwards = new ArrayList<>();

    @Override
    public void send(String to, String reference, String passcode, BrandingTemplate branding, String senderName, Instant expires) {
        passcodes.add(new PasscodeSent(to, reference, passcode, senderName, expires));
    }

    @Override
    public String send(String from, List<String> to, String subject, String text, String inReplyTo, String template) {
        replies.add(new Reply(from, to, subject, text, inReplyTo, template));
        return "<reply." + replies.size() + "@outbox.test>";
    }

    @Override
    public void send(String from, List<String> to, byte[] mime, String template) {
        forwards.add(new Forward(from, to, mime, template));
    }

    PasscodeSent lastPasscode() {
        return passcodes.get(passcodes.size() - 1);
    }
}
