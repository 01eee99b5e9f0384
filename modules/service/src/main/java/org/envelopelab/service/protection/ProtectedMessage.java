package org.envelopelab.service.protection;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * A protected message as anyone who holds it can see it, without a key: the CMS attachment, the
 * root key it names and its policy (sender, recipients, rights, expiry — authenticated, not
 * encrypted). This is also how other modules recognise one: a MIME part of type
 * {@value #CONTENT_TYPE}.
 */
public final class ProtectedMessage {

    /** The media type of the CMS attachment; other modules detect protected mail by it. */
    public static final String CONTENT_TYPE = "application/vnd.envelopelab.protected-message";
    public static final String ATTACHMENT_NAME = "protected-message.p7m";
    /** Set on protected mail for inside recipients: the domain of the tenant whose service protected it. */
    public static final String PROTECTED_BY_HEADER = "X-EnvelopeLab-Protected-By";

    private static final Session SESSION = Session.getInstance(new Properties());

    private final ProtectedEnvelope envelope;

    private ProtectedMessage(ProtectedEnvelope envelope) {
        this.envelope = envelope;
    }

    /** Whether a message carries a protected-message part (from any tenant; nothing is verified). */
    public static boolean isProtected(byte[] mime) {
        return cmsOf(mime).isPresent();
    }

    /** Reads the CMS out of a protected message; fails with a sentence when there is none or it is malformed. */
    public static ProtectedMessage read(byte[] mime) {
        byte[] cms = cmsOf(mime).orElseThrow(() -> new ProtectionException(
                "not a protected message: it has no " + CONTENT_TYPE + " part"));
        return new ProtectedMessage(ProtectedEnvelope.parse(cms));
    }

    /** The CMS AuthEnvelopedData, DER. */
    public byte[] cms() {
        return envelope.der();
    }

    /** The policy, as anyone can read it; only the service can tell whether it is genuine. */
    public Policy policy() {
        return envelope.policy();
    }

    /** The root key version named in the KEKRecipientInfo. */
    public KeyId keyId() {
        return envelope.recipientKey();
    }

    ProtectedEnvelope envelope() {
        return envelope;
    }

    private static Optional<byte[]> cmsOf(byte[] mime) {
        try {
            return find(new MimeMessage(SESSION, new ByteArrayInputStream(mime)));
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> find(Part part) throws MessagingException, IOException {
        if (part.isMimeType(CONTENT_TYPE)) {
            try (InputStream content = part.getInputStream()) {
                return Optional.of(content.readAllBytes());
            }
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<byte[]> found = find(multipart.getBodyPart(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
