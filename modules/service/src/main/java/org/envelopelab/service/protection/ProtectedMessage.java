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
 *
 * <p>Reading one looks at the MIME structure and the two ends of the CMS only ({@link ProtectedMime}):
 * the policy and the key are found without decoding the encrypted content, so reading the
 * policy of a 10MB message costs what it costs for a 1KB one. The content is decoded when it is
 * needed ({@link #cms()}, opening). A message written otherwise than the service writes it is
 * read whole, through Jakarta Mail, as before.
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

    /** How much of the CMS is decoded to read what comes before the encrypted content. */
    private static final int HEAD_BYTES = 1024;

    /** Whether a message carries a protected-message part (from any tenant; nothing is verified). */
    public static boolean isProtected(byte[] mime) {
        return ProtectedMime.find(mime).isPresent() || cmsOf(mime).isPresent();
    }

    /** Reads the CMS out of a protected message; fails with a sentence when there is none or it is malformed. */
    public static ProtectedMessage read(byte[] mime) {
        return fromItsEnds(mime).orElseGet(() -> {
            byte[] cms = cmsOf(mime).orElseThrow(() -> new ProtectionException(
                    "not a protected message: it has no " + CONTENT_TYPE + " part"));
            return new ProtectedMessage(ProtectedEnvelope.parse(cms));
        });
    }

    /** The envelope from the CMS's head and tail, its content decoded only when asked for; empty when the layout is not the service's. */
    private static Optional<ProtectedMessage> fromItsEnds(byte[] mime) {
        Optional<ProtectedMime> found = ProtectedMime.find(mime);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProtectedMime body = found.get();
        try {
            ProtectedEnvelope.Head head = ProtectedEnvelope.head(body.head(HEAD_BYTES));
            if (!body.holds(head.total())) {
                return Optional.empty();
            }
            byte[] tail = body.tail(head.contentEnd(), head.total());
            return Optional.of(new ProtectedMessage(ProtectedEnvelope.of(head, tail, body)));
        } catch (ProtectionException e) {
            return Optional.empty(); // the full path gives the sentence it always gave
        }
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
