package org.envelopelab.service.portal;

import org.envelopelab.service.branding.BrandingTemplate;

import java.time.Instant;

/**
 * Sends a one-time passcode to an outside recipient's mailbox — the same mailbox the wrapper went
 * to, which is the scheme's known weakness: whoever controls that mailbox can read the message.
 * The lab's implementation writes {@link PasscodeMail} and sends it over SMTP.
 */
@FunctionalInterface
public interface PasscodeMailer {

    void send(String to, String reference, String passcode, BrandingTemplate branding, String senderName, Instant expires);
}
