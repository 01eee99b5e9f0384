package org.envelopelab.scenario.steps;

import org.envelopelab.scenario.run.AttackSteps;
import org.envelopelab.scenario.run.CertificateSteps;
import org.envelopelab.scenario.run.Expectations;
import org.envelopelab.scenario.run.FaultSteps;
import org.envelopelab.scenario.run.MailSteps;
import org.envelopelab.scenario.run.ServiceSteps;
import org.envelopelab.scenario.run.StorySteps;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.StepReader;

import java.util.List;
import java.util.Optional;

/**
 * Every kind of scenario step, one line each. A new kind is its record in {@link Step}, its reader
 * in {@link StepReader}, its performer in the run package, and a line here; the parser, the runner
 * and the format reference all find it here.
 */
public final class StepKinds {

    public static final List<StepKind<?>> ALL = List.of(
            new StepKind<>("note", Step.Note.class, false, StepReader::note, StorySteps::note,
                    "`note: <text>`: narration for the transcript; does nothing else"),
            new StepKind<>("send", Step.Send.class, false, StepReader::send, MailSteps::send,
                    "`send: {...}`: a person writes a message and their own client submits it (see below)"),
            new StepKind<>("wait", Step.Wait.class, false, StepReader::await, MailSteps::await,
                    "`wait: delivery` or `wait: {for: delivery, timeout: 30s}`: until every message is delivered, bounced or dead-lettered"),
            new StepKind<>("read", Step.Read.class, false, StepReader::read, MailSteps::read,
                    "`read: <person>` or `read: {who, folder}`: the person's client downloads a folder over IMAP and opens what it can"),
            new StepKind<>("expect", Step.Expect.class, false, StepReader::expect, Expectations::expect,
                    "`expect: {...}`: a claim about who could read what, a mailbox or an outcome, checked now (see below)"),
            new StepKind<>("exchange-certificates", Step.ExchangeCertificates.class, false, (steps, value, line) -> steps.certificates().exchange(value, line),
                    CertificateSteps::exchange,
                    "`exchange-certificates: [<person>, <person>]`: each sends the other signed mail, so both clients learn the other's certificate"),
            new StepKind<>("publish-certificate", Step.PublishCertificate.class, false, (steps, value, line) -> steps.certificates().publishCertificate(value, line),
                    CertificateSteps::publish, "`publish-certificate: <person>`: the person's certificate goes into the directory"),
            new StepKind<>("revoke-certificate", Step.RevokeCertificate.class, false, (steps, value, line) -> steps.certificates().revokeCertificate(value, line),
                    CertificateSteps::revoke, "`revoke-certificate: <person>`: the issuing CA revokes the person's certificate"),
            new StepKind<>("portal", Step.Portal.class, true, (steps, value, line) -> steps.service().portal(value, line), ServiceSteps::portal,
                    "`portal: {who, message, sign-in, reply, forward-to, fails-with}`: a recipient who got a wrapper reads in the portal after proving who they are"),
            new StepKind<>("forward", Step.Forward.class, false, StepReader::forward, MailSteps::forward,
                    "`forward: {who, message, to, fails-with}`: a recipient forwards from their client; whoever gets it is a forwardee"),
            new StepKind<>("revoke", Step.Revoke.class, true, (steps, value, line) -> steps.service().revoke(value, line), ServiceSteps::revoke,
                    "`revoke: {message, by}`: the service revokes a protected message (plans with revocation)"),
            new StepKind<>("steal-mailbox", Step.StealMailbox.class, false,
                    (steps, value, line) -> steps.attacks().stealMailbox(value, line), AttackSteps::stealMailbox,
                    "`steal-mailbox: <person>` or `steal-mailbox: {of, key-beside-mail}`: whoever holds their mailbox reads what it opens"),
            new StepKind<>("follow-link", Step.FollowLink.class, false,
                    (steps, value, line) -> steps.attacks().followLink(value, line), AttackSteps::followLink,
                    "`follow-link: {who, message, link-from}`: someone it was not sent to opens a recipient's wrapper link"),
            new StepKind<>("advance-clock", Step.AdvanceClock.class, false, StepReader::advanceClock, StorySteps::advanceClock,
                    "`advance-clock: <30m | 12h | 31d>`: time passes; passcodes and protected mail expire, certificates run out; retries fall due and faults end on the way"),
            new StepKind<>("outage", Step.Outage.class, false, (steps, value, line) -> steps.faults().outage(value, line), FaultSteps::outage,
                    "`outage: <site>` or `outage: {site, for: 6h}`: the site goes down (connections refused, mailboxes kept) until `restore` or for that long in lab time"),
            new StepKind<>("slow", Step.Slow.class, false, (steps, value, line) -> steps.faults().slow(value, line), FaultSteps::slow,
                    "`slow: {site, by: 2s, for: 30m}`: the site answers every SMTP command late (real time), until `restore` or for that long"),
            new StepKind<>("drop-data", Step.DropData.class, false, (steps, value, line) -> steps.faults().dropData(value, line), FaultSteps::dropData,
                    "`drop-data: <site>` or `drop-data: {site, for: 1h}`: the site drops the connection in the middle of DATA"),
            new StepKind<>("defer", Step.Defer.class, false, (steps, value, line) -> steps.faults().defer(value, line), FaultSteps::defer,
                    "`defer: <site>` or `defer: {site, for: 1h}`: the site answers `451 4.3.2` at MAIL FROM, so mail waits for a retry"),
            new StepKind<>("restore", Step.Restore.class, false, (steps, value, line) -> steps.faults().restore(value, line), FaultSteps::restore,
                    "`restore: <site>`: the site is back; every fault of it ends, and waiting mail goes at its next try"));

    private StepKinds() {
    }

    public static List<String> keys() {
        return ALL.stream().map(StepKind::key).toList();
    }

    public static Optional<StepKind<?>> byKey(String key) {
        return ALL.stream().filter(kind -> kind.key().equals(key)).findFirst();
    }

    /** The kind of a step that was read. */
    public static StepKind<?> of(Step step) {
        return ALL.stream().filter(kind -> kind.type().isInstance(step)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step kind for " + step.getClass().getSimpleName()));
    }
}
