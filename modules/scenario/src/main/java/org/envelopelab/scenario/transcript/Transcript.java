package org.envelopelab.scenario.transcript;

import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.routes.ledger.Totals;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.run.Status;

import java.util.List;
import java.util.Map;

/**
 * Everything a scenario run produced, as data: the world, each step with its narration, the
 * timeline of evidence (who could read what, when, and through what), each message with where it
 * went and the judge's table of who could read it, and each expectation with its evidence. It is
 * written to {@code report.json} as is and rendered to {@code report.md}; knowledge checks cite
 * it. Fields never hold wall-clock times, ports or secrets, so the same scenario gives the same
 * transcript on every run.
 *
 * @param title        the scenario's title
 * @param source       the scenario file
 * @param summary      what the scenario shows
 * @param seed         the seed it ran with
 * @param clock        the lab clock at the start (ISO-8601)
 * @param sites        the mail sites of the world
 * @param people       everyone with a mailbox
 * @param steps        the steps as they ran
 * @param messages     the messages sent
 * @param expectations the expectations checked
 * @param timeline     every piece of evidence, by step
 * @param ledger       the transport's books for people's messages at the end
 * @param reports      the transport's books for its own non-delivery reports
 * @param deadLetters  messages the transport gave up on
 * @param passed       whether every step ran and every expectation held
 */
public record Transcript(String title, String source, String summary, long seed, String clock,
                         List<SiteRecord> sites, List<PersonRecord> people, List<StepRecord> steps,
                         List<MessageRecord> messages, List<ExpectationRecord> expectations, List<Evidence> timeline,
                         Totals ledger,
                         Totals reports, List<DeadLetterRecord> deadLetters, boolean passed) {

    /** A mail site: its name, domain and kind ("Gmail-like provider"). */
    public record SiteRecord(String name, String domain, String kind) {
    }

    /** A person with a mailbox. */
    public record PersonRecord(String id, String name, String address, String site) {
    }

    /**
     * One step as it ran.
     *
     * @param number    1-based position
     * @param line      its line in the scenario file
     * @param kind      the step's key, as scripts write it: send, wait, read, expect ...
     * @param status    ok; failed (an expectation did not hold, a refusal against the script, a wait timed out);
     *                  error (the lab could not do it)
     * @param narration what happened, for people
     */
    public record StepRecord(int number, int line, String kind, Status status, List<String> narration) {
    }

    /**
     * One message and its fate.
     *
     * @param id           the scenario's id for it
     * @param messageId    its Message-ID header
     * @param from         the sender
     * @param to           To addresses
     * @param cc           Cc addresses
     * @param bcc          Bcc addresses
     * @param subject      the subject
     * @param outcomes     each recipient's disposition in the ledger (delivered, bounced...) with the detail
     * @param reports      ids of the non-delivery reports sent back for it
     * @param service      what the organization's message encryption service did with it, from its audit log:
     *                     which rule matched and why (sensitive data masked), protection, use licenses, portal
     *                     views, revocation; empty without a service
     * @param readers      the judge's table: one verdict per party on who could read what
     */
    public record MessageRecord(String id, String messageId, String from, List<String> to, List<String> cc,
                                List<String> bcc, String subject, Map<String, String> outcomes, List<String> reports,
                                List<String> service, List<Verdict> readers) {
    }

    /**
     * One expectation and whether it held.
     *
     * @param line     its line in the scenario file
     * @param claim    the claim in words
     * @param held     whether it held
     * @param evidence what the lab found
     */
    public record ExpectationRecord(int line, String claim, boolean held, String evidence) {
    }

    /** A message the transport gave up on. */
    public record DeadLetterRecord(String messageId, List<String> recipients, String reason) {
    }
}
