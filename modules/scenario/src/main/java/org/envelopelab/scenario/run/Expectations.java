package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.routes.ledger.Outcome;
import org.envelopelab.scenario.judge.Judge;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.script.PartyRef;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.transcript.Transcript.ExpectationRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a scenario's expectations against the running world: mailboxes as the server stores
 * them, the transport's ledger, and the judge's verdicts on the evidence of who could read what.
 * Each result says what was claimed, whether it held, and the evidence.
 */
public final class Expectations {

    private final LabWorld lab;
    private final Stage stage;

    private Expectations(Stage stage) {
        this.stage = stage;
        this.lab = stage.lab();
    }

    /** The expect step: checks the claim, narrates it, and keeps the result for the report. */
    public static Status expect(Stage stage, Step.Expect expect) {
        stage.witness();
        ExpectationRecord result = new Expectations(stage).check(expect);
        stage.record(result);
        stage.headline("expect: " + result.claim());
        stage.say("    " + (result.held() ? "ok" : "FAILED") + " -- " + result.evidence());
        return result.held() ? Status.OK : Status.FAILED;
    }

    ExpectationRecord check(Step.Expect expect) {
        if (expect instanceof Step.ExpectMailbox mailbox) {
            return mailbox(mailbox);
        }
        if (expect instanceof Step.ExpectParty party) {
            return party(party);
        }
        return outcome((Step.ExpectOutcome) expect);
    }

    private ExpectationRecord mailbox(Step.ExpectMailbox expect) {
        String what = expect.message() != null ? "message '" + expect.message() + "'"
                : "a message whose subject contains \"" + expect.subjectContains() + "\"";
        String claim = expect.folder() + " of " + expect.owner() + (expect.present() ? " holds " : " lacks ") + what;
        Optional<Site> site = lab.mail().directory().siteFor(expect.owner());
        if (site.isEmpty() || site.get().account(expect.owner()).isEmpty()) {
            return new ExpectationRecord(expect.line(), claim, !expect.present(), expect.owner() + " has no mailbox in this world");
        }
        List<StoredMail> stored = site.get().mailbox(expect.owner()).messages(expect.folder());
        String messageId = expect.message() == null ? null : stage.messageId(expect.message()).orElse(null);
        boolean found = stored.stream().anyMatch(mail -> expect.message() != null
                ? mail.summary().messageId().equals(messageId)
                : mail.summary().subject().contains(expect.subjectContains()));
        List<String> subjects = stored.stream().map(mail -> "\"" + mail.summary().subject() + "\"").toList();
        String evidence = expect.folder() + " holds " + stored.size() + (stored.size() == 1 ? " message" : " messages")
                + (subjects.isEmpty() ? "" : ": " + String.join(", ", subjects));
        return new ExpectationRecord(expect.line(), claim, found == expect.present(), evidence);
    }

    private ExpectationRecord party(Step.ExpectParty expect) {
        String label = label(expect.party());
        List<String> parts = new ArrayList<>();
        if (!expect.canRead().isEmpty()) {
            parts.add("could read " + String.join(", ", expect.canRead()));
        }
        if (!expect.cannotRead().isEmpty()) {
            parts.add("could not read " + String.join(", ", expect.cannotRead()));
        }
        String claim = label + " " + String.join(" and ", parts) + " of message '" + expect.message() + "'";
        Optional<Followed> message = stage.messageId(expect.message()).flatMap(id -> stage.timeline().followed(id));
        List<Verdict> matching = message.map(followed -> Judge.judge(followed, stage.timeline().entries()).stream()
                .filter(verdict -> matches(expect.party(), verdict.party(), followed))
                .toList()).orElse(List.of());
        // Items with the same finding share one line of evidence.
        Map<String, List<String>> findings = new LinkedHashMap<>();
        boolean held = true;
        for (String item : expect.canRead()) {
            List<Verdict> readers = readers(matching, item);
            held &= !readers.isEmpty();
            findings.computeIfAbsent(readers.isEmpty() ? "not readable by " + label + whyNot(matching)
                    : "readable by " + labels(readers), finding -> new ArrayList<>()).add(item);
        }
        for (String item : expect.cannotRead()) {
            List<Verdict> readers = readers(matching, item);
            held &= readers.isEmpty();
            findings.computeIfAbsent(readers.isEmpty() ? "not readable by " + label + whyNot(matching)
                    : "readable by " + labels(readers) + " (" + readers.get(0).why() + ")", finding -> new ArrayList<>()).add(item);
        }
        List<String> evidence = new ArrayList<>();
        findings.forEach((finding, items) -> evidence.add(String.join(", ", items) + ": " + finding));
        return new ExpectationRecord(expect.line(), claim, held, String.join("; ", evidence));
    }

    private static List<Verdict> readers(List<Verdict> verdicts, String item) {
        return verdicts.stream().filter(verdict -> verdict.canRead(item)).toList();
    }

    private static String labels(List<Verdict> verdicts) {
        return String.join(", ", verdicts.stream().map(verdict -> verdict.party().label()).toList());
    }

    private static String whyNot(List<Verdict> matching) {
        if (matching.isEmpty()) {
            return " (it never took part)";
        }
        return " (" + matching.get(0).why() + ")";
    }

    private ExpectationRecord outcome(Step.ExpectOutcome expect) {
        List<String> parts = new ArrayList<>();
        if (!expect.deliveredTo().isEmpty()) {
            parts.add("was delivered to " + String.join(", ", expect.deliveredTo()));
        }
        if (!expect.bouncedFor().isEmpty()) {
            parts.add("bounced for " + String.join(", ", expect.bouncedFor()));
        }
        String claim = "message '" + expect.message() + "' " + String.join(" and ", parts);
        Optional<Journey> journey = stage.messageId(expect.message()).flatMap(id -> lab.routes().ledger().journey(id));
        if (journey.isEmpty()) {
            return new ExpectationRecord(expect.line(), claim, false, "the transport never accepted it");
        }
        boolean held = true;
        List<String> evidence = new ArrayList<>();
        for (String recipient : expect.deliveredTo()) {
            held &= is(journey.get(), recipient, Disposition.DELIVERED);
            evidence.add(recipient + ": " + describe(journey.get().outcomes().get(recipient)));
        }
        for (String recipient : expect.bouncedFor()) {
            held &= is(journey.get(), recipient, Disposition.BOUNCED);
            evidence.add(recipient + ": " + describe(journey.get().outcomes().get(recipient)));
        }
        return new ExpectationRecord(expect.line(), claim, held, String.join("; ", evidence));
    }

    private static boolean is(Journey journey, String recipient, Disposition disposition) {
        Outcome outcome = journey.outcomes().get(recipient);
        return outcome != null && outcome.disposition() == disposition;
    }

    private static String describe(Outcome outcome) {
        return outcome == null ? "not a recipient" : outcome.describe();
    }

    /**
     * Whether a table's party is the one a script names: "service" is the mail service the message
     * entered; "wire" is every leg that carried the message itself (not the service's journal copy,
     * which has its own row).
     */
    static boolean matches(PartyRef wanted, Party party, Followed message) {
        return switch (wanted.kind()) {
            case SENDER -> party.kind() == Party.Kind.SENDER;
            case SERVICE -> party.kind() == Party.Kind.SERVICE && party.who().equalsIgnoreCase(message.origin());
            case WIRE -> party.kind() == Party.Kind.WIRE && !party.carriedJournalCopy();
            case MAILBOX -> party.kind() == Party.Kind.MAILBOX && party.who().equalsIgnoreCase(wanted.address());
            case RECIPIENT -> (party.kind() == Party.Kind.RECIPIENT || party.kind() == Party.Kind.FORWARDEE
                    || party.kind() == Party.Kind.LINK_HOLDER) && party.who().equalsIgnoreCase(wanted.address());
            case THIEF -> party.kind() == Party.Kind.THIEF && party.who().equalsIgnoreCase(wanted.address());
        };
    }

    static String label(PartyRef party) {
        return switch (party.kind()) {
            case SENDER -> "the sender";
            case SERVICE -> "the sender's mail service";
            case WIRE -> "the wire between servers";
            case MAILBOX -> "the mailbox of " + party.address();
            case RECIPIENT -> party.address();
            case THIEF -> "whoever holds " + party.address() + "'s mailbox";
        };
    }
}
