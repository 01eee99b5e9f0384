package org.envelopelab.cli;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;
import org.envelopelab.scenario.script.InvalidScenarioException;
import org.envelopelab.scenario.script.ScenarioParser;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.SmimeException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The messages {@code lab load} sends, one kind after another: plain; S/MIME, signed and
 * encrypted by the sender's client with keys from a CA made for the load; or marked for
 * Contoso's message encryption service, whose rule protects them on the way. Every one carries
 * a Message-ID of the load, by which the mailboxes are counted.
 */
final class LoadMessages {

    enum Kind { PLAIN, SMIME, SERVICE }

    /** The service's one rule: what the load marks "secure" is protected, Encrypt-Only. */
    private static final String SERVICE = String.join("\n",
            "scenario: lab load",
            "service:",
            "  plan: microsoft-365-e5",
            "  rules:",
            "    - name: Protect load messages marked secure",
            "      if: { subject-contains: secure }",
            "      then: { protect: encrypt-only }",
            "steps:",
            "  - note: lab load sends the messages itself",
            "");

    /** The body's first words: a mailbox that holds them holds the message in the clear. */
    static final String IN_THE_CLEAR = "Load test:";

    private final List<Kind> kinds;
    private final Map<String, Credential> credentials = new HashMap<>();

    LoadMessages(List<Kind> kinds, String[] senders, String[] recipients) {
        this.kinds = kinds;
        if (kinds.contains(Kind.SMIME)) {
            CertificateAuthority ca = CertificateAuthority.create("Envelope Lab Load CA", "Envelope Lab", Clock.systemUTC(),
                    new SecureRandom());
            for (String[] people : List.of(senders, recipients)) {
                for (String address : people) {
                    credentials.computeIfAbsent(address, key -> ca.issue(key, key, KeyType.EC_P256));
                }
            }
        }
    }

    static List<Kind> kinds(List<String> mix) {
        List<Kind> kinds = new ArrayList<>();
        for (String word : mix) {
            try {
                kinds.add(Kind.valueOf(word.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadInput("--mix takes plain, smime and service, not '" + ExitCodes.printable(word) + "'");
            }
        }
        if (kinds.isEmpty()) {
            throw new BadInput("--mix needs at least one of plain, smime, service");
        }
        return kinds;
    }

    /** The service a load with service messages needs: Contoso's, with the one rule above; none otherwise. */
    static ServiceConfig service(List<Kind> kinds) {
        if (!kinds.contains(Kind.SERVICE)) {
            return null;
        }
        try {
            return ScenarioParser.parse("lab-load.yaml", SERVICE, Path.of(".")).service();
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the load's service is invalid: " + e.getMessage(), e);
        }
    }

    MimeMessage compose(Session session, int index, int total, String sender, List<String> to)
            throws MessagingException, IOException, SmimeException {
        Kind kind = kinds.get(index % kinds.size());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(sender));
        message.setRecipients(MimeMessage.RecipientType.TO, String.join(", ", to));
        message.setSubject("Load " + index + (kind == Kind.SERVICE ? " (secure)" : ""));
        message.setText(IN_THE_CLEAR + " message " + index + " of " + total + ", " + kind.name().toLowerCase(Locale.ROOT) + ".\n");
        if (kind == Kind.SMIME && credentials.containsKey(sender)) {
            List<X509Certificate> readers = to.stream().filter(credentials::containsKey)
                    .map(address -> credentials.get(address).certificate()).toList();
            message = Smime.signAndEncrypt(message, credentials.get(sender), readers, EncryptionOptions.defaults());
        }
        return withId(session, message, "<load-" + index + "@envelope-lab.example>");
    }

    /** The message with the load's Message-ID, which sending keeps (counted in the mailboxes later). */
    private static MimeMessage withId(Session session, MimeMessage message, String messageId)
            throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        MimeMessage identified = new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        identified.setHeader("Message-ID", messageId);
        return identified;
    }
}
