package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.mailnet.Mailbox;
import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.routes.ledger.Outcome;
import org.envelopelab.routes.ledger.Relay;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.transcript.ContentInspector;
import org.envelopelab.scenario.transcript.ContentInspector.Inspection;
import org.envelopelab.scenario.transcript.Observation;
import org.envelopelab.scenario.transcript.Party;
import org.envelopelab.scenario.transcript.Readability;
import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.portal.PortalView;
import org.envelopelab.service.protection.InlineReading;
import org.envelopelab.service.protection.ProtectionException;
import org.envelopelab.service.rights.Right;
import org.envelopelab.smime.client.Reading;
import org.envelopelab.smime.client.SmimeClient;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works out who could read what of a message, from the bytes each party really held: the copy
 * the sender's client filed in Sent, what the transport accepted, what crossed the wire, what
 * each mailbox stores, and what each recipient downloaded. Reads are remembered as they happen,
 * so a recipient who never opened their mailbox is reported as such.
 */
final class Observatory {

    private static final Session MIME = Session.getInstance(new Properties());

    private final LabWorld lab;
    private final Map<String, Map<String, byte[]>> downloaded = new ConcurrentHashMap<>();
    /** What readers inside the organization opened inline, by reader and Message-ID: the reading, or the refusal. */
    private final Map<String, Map<String, Object>> openedInline = new ConcurrentHashMap<>();

    /** What outside recipients saw in the portal, by reader and Message-ID: a view, or why it was refused. */
    private final Map<String, Map<String, PortalVisit>> portalVisits = new ConcurrentHashMap<>();

    /**
     * One outside recipient's visit to the portal for one message.
     *
     * @param view    what the portal showed, or null when it refused
     * @param refusal why the portal refused; empty when it showed the message
     */
    record PortalVisit(PortalView view, String refusal) {
    }

    /** Remembers what the portal showed a recipient (or why it refused), for their observation. */
    void visited(String reader, String messageId, PortalVisit visit) {
        portalVisits.computeIfAbsent(reader, r -> new ConcurrentHashMap<>()).put(messageId, visit);
    }

    Observatory(LabWorld lab) {
        this.lab = lab;
    }

    /** Remembers what a reader's client downloaded, by Message-ID. */
    void downloaded(String reader, List<StoredMail> mails) {
        Map<String, byte[]> copies = downloaded.computeIfAbsent(reader, r -> new ConcurrentHashMap<>());
        for (StoredMail mail : mails) {
            String messageId = mail.summary().messageId();
            if (!messageId.isEmpty()) {
                copies.putIfAbsent(messageId, mail.raw());
            }
        }
    }

    List<Observation> observe(Step.Send send, String messageId) {
        Optional<Journey> journey = lab.routes().ledger().journey(messageId);
        List<Observation> observations = new ArrayList<>();
        observations.add(sender(send, messageId));
        observations.add(service(send, journey));
        observations.addAll(wire(send, journey));
        for (String recipient : send.recipients()) {
            Optional<Outcome> outcome = journey.map(j -> j.outcomes().get(recipient));
            observations.add(mailbox(send, messageId, recipient, outcome));
            observations.add(recipient(send, messageId, recipient, outcome));
        }
        lab.service().map(service -> service.config().journal()).filter(journal -> journal != null)
                .flatMap(journal -> storedCopy(journal, messageId).map(copy -> seen(send, Party.mailbox(journal), copy.raw(),
                        "the service's journal copy, decrypted by the service itself and stored in " + copy.folder()
                                + ": %s. The service can read what it protects")))
                .ifPresent(observations::add);
        return observations;
    }

    private Observation sender(Step.Send send, String messageId) {
        Party party = Party.sender(send.from());
        return storedCopy(send.from(), messageId)
                .map(copy -> throughClient(send, party, send.from(), copy.raw(),
                        "wrote it; the copy their client filed in " + copy.folder() + " is %s"))
                .orElseGet(() -> Observation.notHeld(send.id(), party, "no copy in their Sent folder: it did not leave from their own mail client"));
    }

    private Observation service(Step.Send send, Optional<Journey> journey) {
        // The service of the site where the message entered the transport: the sender's own, or
        // the organization's for a reply written in its portal.
        String domain = journey.map(j -> j.accepted().origin()).orElse(domainOf(send.from()));
        Party party = Party.service(domain);
        if (journey.isEmpty()) {
            return Observation.notHeld(send.id(), party, "the message never reached the transport");
        }
        Inspection inspection = ContentInspector.inspect(journey.get().accepted().content());
        String why = inspection.encrypted()
                ? "the transport at " + domain + " received %s: it could not read the body, so content rules could not apply"
                : "the transport at " + domain + " received %s: it, and every mail flow rule, could read it all";
        return seen(send, party, journey.get().accepted().content(), why);
    }

    private List<Observation> wire(Step.Send send, Optional<Journey> journey) {
        List<Relay> relays = journey.map(Journey::relays).orElse(List.of());
        if (relays.isEmpty()) {
            Party party = new Party(Party.Kind.WIRE, "", "wire");
            return List.of(Observation.notHeld(send.id(), party, "no transfer between servers took place"));
        }
        return relays.stream()
                .map(relay -> seen(send, Party.wire(relay.from(), relay.to()), relay.content(),
                        "SMTP from " + relay.from() + " to " + relay.to()
                                + " without TLS carried %s: anyone on the network path reads what is in the clear"))
                .toList();
    }

    private Observation mailbox(Step.Send send, String messageId, String recipient, Optional<Outcome> outcome) {
        Party party = Party.mailbox(recipient);
        return storedCopy(recipient, messageId)
                .map(copy -> seen(send, party, copy.raw(), "stored in " + copy.folder() + " at " + domainOf(recipient)
                        + " as %s: the provider, and anyone who copies its store, reads what is in the clear"))
                .orElseGet(() -> Observation.notHeld(send.id(), party, "never stored here: " + fate(outcome)));
    }

    private Observation recipient(Step.Send send, String messageId, String recipient, Optional<Outcome> outcome) {
        Party party = Party.recipient(recipient);
        PortalVisit visit = portalVisits.getOrDefault(recipient, Map.of()).get(messageId);
        if (visit != null && visit.view() != null) {
            return portalObservation(send, party, visit.view());
        }
        byte[] copy = downloaded.getOrDefault(recipient, Map.of()).get(messageId);
        if (copy != null) {
            Observation observation = throughClient(send, party, recipient, copy, "downloaded it over IMAP: %s");
            if (visit != null) {
                return new Observation(observation.message(), party, observation.held(), observation.headers(),
                        observation.body(), observation.attachments(), observation.attachmentNames(),
                        observation.secretsSeen(), observation.why() + "; the portal refused them: " + visit.refusal());
            }
            if (ContentInspector.inspect(copy).format() == ContentInspector.Format.WRAPPER) {
                return new Observation(observation.message(), party, true, observation.headers(), observation.body(),
                        observation.attachments(), observation.attachmentNames(), observation.secretsSeen(),
                        observation.why() + "; to read the message they must open the link and prove who they are");
            }
            return observation;
        }
        boolean delivered = outcome.map(o -> o.disposition() == Disposition.DELIVERED).orElse(false);
        return Observation.notHeld(send.id(), party, delivered
                ? "has not opened their mailbox in this scenario"
                : "never received it: " + fate(outcome));
    }

    /**
     * What a person reads with their own client: plain mail as it is; S/MIME after their client
     * decrypted and verified it — or, when it cannot, ciphertext.
     */
    private Observation throughClient(Step.Send send, Party party, String owner, byte[] raw, String why) {
        Inspection inspection = ContentInspector.inspect(raw);
        if (inspection.format() == ContentInspector.Format.PROTECTED && lab.service().isPresent()) {
            return inline(send, party, owner, raw, why.formatted(inspection.form()), inspection);
        }
        Optional<SmimeClient> client = lab.smimeClients().of(owner);
        if (!inspection.smime() || client.isEmpty()) {
            return seen(send, party, raw, why);
        }
        Reading reading = client.get().open(parse(raw));
        String held = why.formatted(inspection.form());
        if (!reading.readable()) {
            return new Observation(send.id(), party, true, inspection.headers(), inspection.body(),
                    send.attachments().isEmpty() ? Readability.ABSENT : inspection.attachments(), List.of(),
                    inspection.secretsIn(send.secrets()), held + "; their client could not open it: " + reading.problem());
        }
        StringBuilder opened = new StringBuilder(held).append("; their client opened it (")
                .append(String.join(", then ", reading.layers())).append(")");
        if (reading.signature() != null) {
            opened.append("; ").append(reading.signature().summary());
        }
        return seen(send, party, bytes(reading.content()), opened.toString().replace("%", "%%"));
    }

    /**
     * A reader inside the organization: what their client showed when they opened it (it got a use
     * license from the service and decrypted inline), as recorded by the read step.
     */
    private Observation inline(Step.Send send, Party party, String owner, byte[] raw, String held, Inspection inspection) {
        Object opened = openedInline.getOrDefault(owner, Map.of()).get(MailSummary.parse(raw).messageId());
        if (opened instanceof InlineReading reading) {
            return seen(send, party, reading.original(), (held + "; their client got a use license from the service ("
                    + reading.license().template() + ": " + rights(reading.rights()) + ") and opened it inline").replace("%", "%%"));
        }
        String why = opened == null ? "; they have not opened it" : "; the service gave them no use license: " + opened;
        return new Observation(send.id(), party, true, inspection.headers(), inspection.body(), inspection.attachments(),
                List.of(), inspection.secretsIn(send.secrets()), held + why);
    }

    /** An outside recipient's view in the portal, after the one-time passcode. */
    private static Observation portalObservation(Step.Send send, Party party, PortalView view) {
        StringBuilder visible = new StringBuilder(view.subject()).append('\n').append(view.from()).append('\n')
                .append(view.text()).append('\n').append(view.html()).append('\n');
        List<String> names = new ArrayList<>();
        for (Attachment attachment : view.attachments()) {
            names.add(attachment.name());
            visible.append(new String(attachment.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).append('\n');
        }
        String text = visible.toString();
        List<String> secrets = send.secrets().entrySet().stream()
                .filter(secret -> normalize(text).contains(normalize(secret.getValue())))
                .map(Map.Entry::getKey).sorted().toList();
        boolean body = !view.text().isBlank() || !view.html().isBlank();
        return new Observation(send.id(), party, true, Readability.READABLE, body ? Readability.READABLE : Readability.ABSENT,
                names.isEmpty() ? Readability.ABSENT : Readability.READABLE, names, secrets,
                "read it in the organization's portal after proving who they are with a one-time passcode mailed to them"
                        + " (may: " + rights(view.rights()) + ")");
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static String rights(java.util.Set<Right> rights) {
        return String.join(", ", java.util.EnumSet.copyOf(rights).stream().map(Right::label).toList());
    }

    private static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(MIME, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot parse a stored message", e);
        }
    }

    private static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("cannot write an opened message", e);
        }
    }

    /** An observation of bytes a party held; {@code why} gets the form ("plain MIME") in place of %s. */
    private static Observation seen(Step.Send send, Party party, byte[] raw, String why) {
        Inspection inspection = ContentInspector.inspect(raw);
        Readability attachments = inspection.attachments();
        if (attachments == Readability.ENCRYPTED && send.attachments().isEmpty()) {
            attachments = Readability.ABSENT; // nothing was attached, encrypted or not
        }
        return new Observation(send.id(), party, true, inspection.headers(), inspection.body(), attachments,
                inspection.attachmentNames(), inspection.secretsIn(send.secrets()), why.formatted(inspection.form()));
    }

    private Optional<StoredMail> storedCopy(String owner, String messageId) {
        Optional<Site> site = lab.mail().directory().siteFor(owner);
        if (site.isEmpty() || site.get().account(owner).isEmpty()) {
            return Optional.empty();
        }
        Mailbox mailbox = site.get().mailbox(owner);
        return mailbox.find(messageId);
    }

    private static String fate(Optional<Outcome> outcome) {
        return outcome.map(o -> switch (o.disposition()) {
            case PENDING -> "still in the transport";
            case DELIVERED -> "delivered";
            case BOUNCED -> "bounced (" + o.detail() + ")";
            case DEAD_LETTERED -> "dead-lettered (" + o.detail() + ")";
        }).orElse("the transport has no record of it");
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    /**
     * A message a reader's client downloaded, and what their client made of it.
     *
     * @param mail  the copy as downloaded
     * @param notes what opening it involved, for the narration: S/MIME layers and signatures, a use
     *              license, a wrapper's link; empty for plain mail
     */
    record Received(StoredMail mail, List<String> notes) {
    }

    /**
     * The reader's client downloads a folder over IMAP and opens what it can: S/MIME with the
     * reader's key (learning signers' certificates), the service's protected mail inline with a use
     * license. Kept here so reads and observations share one notion of "downloaded".
     */
    List<Received> read(String reader, String folder) throws Exception {
        MailClient client = lab.client(reader);
        List<StoredMail> mails = client.fetch(folder);
        downloaded(reader, mails);
        List<Received> received = new ArrayList<>();
        for (StoredMail mail : mails) {
            received.add(new Received(mail, opening(reader, mail.raw())));
        }
        return received;
    }

    private List<String> opening(String reader, byte[] raw) {
        ContentInspector.Format format = ContentInspector.inspect(raw).format();
        List<String> notes = new ArrayList<>();
        switch (format) {
            case SMIME -> {
                Reading reading = lab.smimeClient(reader).read(parse(raw));
                if (!reading.readable()) {
                    notes.add("cannot open it: " + reading.problem());
                    break;
                }
                notes.add("opened: " + String.join(", then ", reading.layers()));
                if (reading.signature() != null) {
                    notes.add(reading.signature().summary());
                }
                if (!reading.learned().isEmpty()) {
                    notes.add("the client keeps the signer's certificate for " + String.join(", ", reading.learned()));
                }
            }
            case PROTECTED -> lab.service().ifPresent(service -> {
                String messageId = MailSummary.parse(raw).messageId();
                Map<String, Object> opened = openedInline.computeIfAbsent(reader, r -> new ConcurrentHashMap<>());
                try {
                    InlineReading reading = service.protection().reader().read(raw, reader);
                    opened.put(messageId, reading);
                    notes.add("protected by the service: the client got a use license (" + reading.license().template()
                            + ": " + rights(reading.rights()) + ") and shows it inline");
                } catch (ProtectionException refused) {
                    opened.putIfAbsent(messageId, refused.getMessage());
                    notes.add("protected by the service, which gave no use license: " + refused.getMessage());
                }
            });
            case WRAPPER -> notes.add("a wrapper: the message stays with the service; its link leads to the portal");
            case PLAIN -> {
            }
        }
        return notes;
    }
}
