package org.envelopelab.knowledge.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.envelopelab.knowledge.bank.Matches;
import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.scenario.compare.ComparisonReport;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.smime.EfailReport;

/**
 * Judges claims against the lab's evidence: the judge's verdicts and the timeline of each run, the
 * comparison's costs, the service's plan table, the EFAIL lesson and the committed benchmarks.
 * Nothing here decides what should be true; it only reads what the runs recorded.
 */
public final class Claims {

    private final Runs runs;
    private final Benchmarks benchmarks;

    public Claims(Runs runs, Benchmarks benchmarks) {
        this.runs = runs;
        this.benchmarks = benchmarks;
    }

    public Finding judge(Claim claim) throws Exception {
        if (claim instanceof Claim.Reads reads) {
            return reads(reads);
        }
        if (claim instanceof Claim.Holds holds) {
            return holds(holds);
        }
        if (claim instanceof Claim.Refused refused) {
            return refused(refused);
        }
        if (claim instanceof Claim.Delivery delivery) {
            return delivery(delivery);
        }
        if (claim instanceof Claim.Says says) {
            int at = position(says);
            return Finding.of(at >= 0, at >= 0 ? "step " + stepOf(runs.transcript(says.run()), at) + " says it"
                    : "no line of the " + says.run().describe() + " transcript says \"" + says.fragment() + "\"");
        }
        if (claim instanceof Claim.ServiceLog log) {
            return serviceLog(log);
        }
        if (claim instanceof Claim.Cost cost) {
            return cost(cost);
        }
        if (claim instanceof Claim.PlanGives plan) {
            boolean gives = plan.plan().allows(plan.feature(), Set.copyOf(plan.addOns()));
            return Finding.of(gives == plan.gives(), plan.plan().title() + (plan.addOns().isEmpty() ? "" : " with its add-ons")
                    + (gives ? " gives " : " lacks ") + plan.feature().description());
        }
        if (claim instanceof Claim.Efail efail) {
            return efail(efail);
        }
        return faster((Claim.Faster) claim);
    }

    /**
     * Where a transcript first says a claim's text: the index of the first narration line of the
     * run, counted over every step in order, that contains it (case and spacing ignored); -1 if none.
     */
    public int position(Claim.Says says) throws Exception {
        int index = 0;
        String wanted = normalize(says.fragment());
        for (Transcript.StepRecord step : runs.transcript(says.run()).steps()) {
            for (String line : step.narration()) {
                if (normalize(line).contains(wanted)) {
                    return index;
                }
                index++;
            }
        }
        return -1;
    }

    private static int stepOf(Transcript transcript, int position) {
        int index = 0;
        for (Transcript.StepRecord step : transcript.steps()) {
            index += step.narration().size();
            if (position < index) {
                return step.number();
            }
        }
        return -1;
    }

    private Finding reads(Claim.Reads reads) throws Exception {
        Optional<Transcript.MessageRecord> message = message(reads.run(), reads.message());
        if (message.isEmpty()) {
            return notSent(reads.run(), reads.message());
        }
        List<Verdict> matching = message.get().readers().stream().filter(verdict -> reads.party().matches(verdict.party())).toList();
        boolean holds = true;
        for (String item : reads.items()) {
            boolean readable = matching.stream().anyMatch(verdict -> verdict.canRead(item));
            holds &= readable == reads.can();
        }
        return Finding.of(holds, describe(matching, reads.party()));
    }

    private Finding holds(Claim.Holds holds) throws Exception {
        Transcript transcript = runs.transcript(holds.run());
        Optional<Transcript.MessageRecord> message = message(holds.run(), holds.message());
        if (message.isEmpty()) {
            return notSent(holds.run(), holds.message());
        }
        String phrase = phrase(transcript, message.get(), holds.party());
        return Finding.of(phrase.equals(holds.phrase()), holds.party().written() + " " + phrase + " ("
                + describe(verdicts(message.get(), holds.party()), holds.party()) + ")");
    }

    /**
     * The one matching phrase true of a party (see {@link Matches}): what the most any of its
     * verdicts reached, a refusal counting above holding ciphertext or a wrapper.
     */
    public String phrase(Transcript transcript, Transcript.MessageRecord message, PartyName party) {
        List<Verdict> matching = verdicts(message, party);
        if (matching.stream().anyMatch(verdict -> verdict.body() == Access.READABLE)) {
            return Matches.READ;
        }
        if (!refusals(transcript, message.id(), party).isEmpty()) {
            return Matches.REFUSED;
        }
        if (matching.stream().anyMatch(verdict -> verdict.body() == Access.ENCRYPTED)) {
            return Matches.ENCRYPTED;
        }
        if (matching.stream().anyMatch(verdict -> verdict.body() == Access.NOT_IN_COPY)) {
            return Matches.WRAPPER;
        }
        return Matches.NEVER;
    }

    private static List<Verdict> verdicts(Transcript.MessageRecord message, PartyName party) {
        return message.readers().stream().filter(verdict -> party.matches(verdict.party())).toList();
    }

    private Finding refused(Claim.Refused refused) throws Exception {
        Transcript transcript = runs.transcript(refused.run());
        if (message(refused.run(), refused.message()).isEmpty()) {
            return notSent(refused.run(), refused.message());
        }
        List<Evidence> refusals = refusals(transcript, refused.message(), refused.party());
        boolean holds = refusals.stream().anyMatch(evidence -> normalize(evidence.reason()).contains(normalize(refused.reason())));
        String found = refusals.isEmpty() ? refused.party().written() + " was never refused " + refused.message()
                : String.join("; ", refusals.stream().map(evidence -> "refused at step " + evidence.step() + ": "
                        + evidence.reason()).distinct().toList());
        return Finding.of(holds, found);
    }

    private static List<Evidence> refusals(Transcript transcript, String message, PartyName party) {
        return transcript.timeline().stream().filter(evidence -> evidence.outcome() == Evidence.Outcome.REFUSED
                && evidence.message().equals(message) && party.matches(evidence.party())).toList();
    }

    private Finding delivery(Claim.Delivery delivery) throws Exception {
        Optional<Transcript.MessageRecord> message = message(delivery.run(), delivery.message());
        if (message.isEmpty()) {
            return notSent(delivery.run(), delivery.message());
        }
        String outcome = message.get().outcomes().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(delivery.person())).map(java.util.Map.Entry::getValue)
                .findFirst().orElse("not a recipient");
        boolean holds = outcome.startsWith(delivery.delivered() ? "delivered" : "bounced");
        return Finding.of(holds, delivery.person() + ": " + outcome);
    }

    private Finding serviceLog(Claim.ServiceLog log) throws Exception {
        Optional<Transcript.MessageRecord> message = message(log.run(), log.message());
        if (message.isEmpty()) {
            return notSent(log.run(), log.message());
        }
        List<String> lines = message.get().service();
        Optional<String> line = lines.stream().filter(entry -> normalize(entry).contains(normalize(log.fragment()))).findFirst();
        return Finding.of(line.isPresent(), line.orElse(lines.isEmpty() ? "the service logged nothing about "
                + log.message() : "the service's log of " + log.message() + " does not say \"" + log.fragment() + "\""));
    }

    private Finding cost(Claim.Cost cost) throws Exception {
        ComparisonReport report = runs.comparison(cost.run().scenario()).report();
        int column = report.paths().indexOf(cost.run().path());
        Optional<ComparisonReport.CostRow> row = report.costs().stream()
                .filter(one -> one.question().equalsIgnoreCase(cost.row())).findFirst();
        if (row.isEmpty()) {
            return Finding.missing("the comparison has no cost \"" + cost.row() + "\" (costs: " + String.join(", ",
                    report.costs().stream().map(one -> "\"" + one.question() + "\"").toList()) + ")");
        }
        String answer = row.get().answers().get(column);
        return Finding.of(normalize(answer).contains(normalize(cost.fragment())), "\"" + cost.row() + "\" on path "
                + cost.run().path().key() + ": " + answer);
    }

    private Finding efail(Claim.Efail claim) throws Exception {
        EfailReport report = runs.efail();
        boolean gcmLeaks = report.gcmOutcome().startsWith("decrypted without error");
        boolean leaks = claim.cipher().equals("cbc") ? report.plaintextInUrl() : gcmLeaks;
        boolean rejects = claim.cipher().equals("cbc") ? !report.cbcDecryptedWithoutError() : !gcmLeaks;
        String found = claim.cipher().equals("cbc")
                ? (report.plaintextInUrl() ? "CBC decrypted the altered message and the plaintext went into the link"
                : "CBC did not leak the plaintext")
                : "GCM: " + report.gcmOutcome();
        return Finding.of(claim.leaks() ? leaks : rejects, found);
    }

    private Finding faster(Claim.Faster faster) throws Exception {
        Benchmarks.Result a = benchmarks.score(faster.jdk(), faster.faster());
        Benchmarks.Result b = benchmarks.score(faster.jdk(), faster.slower());
        double ratio = a.opsPerSecond() / b.opsPerSecond();
        return Finding.of(ratio >= faster.factor(), String.format(Locale.ROOT, "%s %,.0f ops/s, %s %,.0f ops/s: %.2fx (%s)",
                a.name(), a.opsPerSecond(), b.name(), b.opsPerSecond(), ratio, faster.jdk()));
    }

    private Optional<Transcript.MessageRecord> message(Claim.Run run, String id) throws Exception {
        return runs.transcript(run).messages().stream().filter(message -> message.id().equals(id)).findFirst();
    }

    private static Finding notSent(Claim.Run run, String message) {
        return Finding.missing("the " + run.describe() + " run has no evidence about '" + message + "': it never sent it");
    }

    private static String describe(List<Verdict> verdicts, PartyName party) {
        if (verdicts.isEmpty()) {
            return party.written() + " took no part";
        }
        List<String> parts = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            parts.add(verdict.party().label() + ": " + (verdict.history().isEmpty() ? "nothing" : verdict.history())
                    + (verdict.secrets().isEmpty() ? "" : " (saw " + String.join(", ", verdict.secrets()) + ")"));
        }
        return String.join("; ", parts);
    }

    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
