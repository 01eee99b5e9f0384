package org.envelopelab.scenario.compare;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.scenario.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What each path cost the people involved, from what its run did: what the sender needed before
 * the first message, what the administrator set up, the steps recipients took, what the
 * organization's service could do with the message, whether forwarding could be stopped, and the
 * time and the bytes on the wire.
 */
final class Costs {

    private Costs() {
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    static List<ComparisonReport.CostRow> of(ServiceConfig service, boolean defaultService, List<ComparedMessage> messages,
                                             List<ComparisonReport.PathRun> runs) {
        List<ComparisonReport.CostRow> rows = new ArrayList<>();
        rows.add(measured("before the first message", runs, run -> switch (run.path()) {
            case SMIME -> count(run.certificates(), "certificate") + " issued; " + count(run.exchanges(), "certificate exchange")
                    + " by signed mail, one per sender and recipient";
            default -> "nothing";
        }, run -> run.path() == DeliveryPath.SMIME ? run.certificates() + run.exchanges() : 0));
        rows.add(row("what the administrator set up", runs, run -> switch (run.path()) {
            case PLAIN -> "nothing";
            case SMIME -> "certificate authorities everyone's client trusts (a PKI)";
            case SERVICE -> service.tenant().plan().title() + "; " + count(service.rules().size(), "mail flow rule") + ", "
                    + (service.branding().isEmpty() ? "the default branding" : count(service.branding().size(), "branding template"))
                    + (defaultService ? " (the lab's default: protect everything sent outside)" : "");
        }));
        rows.add(measured("steps the recipients took", runs, Costs::recipientSteps, Costs::portalVisits));
        rows.add(row("what the organization's service could do", runs, run -> serviceCould(run, service, messages)));
        rows.add(row("forwarding", runs, run -> forwarding(run, messages)));
        rows.add(measured("time (this run, world start included)", runs, run -> run.millis() + " ms",
                ComparisonReport.PathRun::millis));
        rows.add(measured("bytes on the wire", runs, run -> String.format(Locale.ROOT, "%,d", run.bytesOnWire()),
                ComparisonReport.PathRun::bytesOnWire));
        return rows;
    }

    private interface Answer {
        String of(ComparisonReport.PathRun run);
    }

    private static ComparisonReport.CostRow row(String question, List<ComparisonReport.PathRun> runs, Answer answer) {
        return new ComparisonReport.CostRow(question, runs.stream().map(answer::of).toList(), List.of());
    }

    /** A cost that is a number too: the pages draw it as a bar per path. */
    private static ComparisonReport.CostRow measured(String question, List<ComparisonReport.PathRun> runs, Answer answer,
                                                     ToLongFunction<ComparisonReport.PathRun> amount) {
        return new ComparisonReport.CostRow(question, runs.stream().map(answer::of).toList(),
                runs.stream().map(run -> amount.applyAsLong(run)).toList());
    }

    /** Visits that showed a recipient a message, as the evidence has them (not the attackers' tries). */
    private static long portalVisits(ComparisonReport.PathRun run) {
        return run.transcript().timeline().stream()
                .filter(evidence -> evidence.outcome() == Evidence.Outcome.HELD && evidence.through() == Through.PORTAL_SESSION
                        && evidence.party().kind() == Party.Kind.RECIPIENT)
                .map(evidence -> evidence.party().label() + " " + evidence.message()).distinct().count();
    }

    private static String recipientSteps(ComparisonReport.PathRun run) {
        long portal = portalVisits(run);
        return switch (run.path()) {
            case PLAIN -> "none: they open their mail";
            case SMIME -> "none after the exchange: their client decrypts";
            case SERVICE -> portal == 0 ? "none: they read inline"
                    : portal + (portal == 1 ? " portal visit" : " portal visits")
                            + ": open the link, ask for a one-time passcode, find it in their mailbox, enter it";
        };
    }

    private static String serviceCould(ComparisonReport.PathRun run, ServiceConfig service, List<ComparedMessage> messages) {
        Optional<Verdict> origin = Comparison.verdicts(run.transcript(), messages.get(0).send().id()).stream()
                .filter(verdict -> verdict.party().kind() == Party.Kind.SERVICE).findFirst();
        boolean reads = origin.map(verdict -> verdict.body() == Access.READABLE).orElse(false);
        if (!reads) {
            return "see the headers only: no rule can read the body, no journal copy of it, nothing to revoke";
        }
        if (run.path() != DeliveryPath.SERVICE) {
            return "read it all: rules can scan it, but there is nothing to apply and nothing to revoke";
        }
        List<String> can = new ArrayList<>(List.of("read it and scan it with rules", "protect it with its own keys"));
        if (service.journal() != null) {
            can.add("journal a decrypted copy");
        }
        can.add(ComparisonReport.revocable(service) ? "revoke it in the portal" : "not revoke (the plan lacks revocation)");
        return String.join(", ", can);
    }

    private static String forwarding(ComparisonReport.PathRun run, List<ComparedMessage> messages) {
        String first = messages.get(0).send().id();
        Optional<Evidence> stopped = run.transcript().timeline().stream()
                .filter(evidence -> evidence.party().kind() == Party.Kind.FORWARDEE && evidence.outcome() == Evidence.Outcome.REFUSED
                        && evidence.message().equals(first) && evidence.detail().contains("tried to forward it"))
                .findFirst();
        if (stopped.isPresent()) {
            return "stopped: " + stopped.get().reason();
        }
        Optional<Verdict> forwardee = Comparison.verdicts(run.transcript(), first).stream()
                .filter(verdict -> verdict.party().kind() == Party.Kind.FORWARDEE).findFirst();
        if (forwardee.isEmpty()) {
            return "not tried (nobody to forward to in this world)";
        }
        if (forwardee.get().body() == Access.READABLE) {
            return switch (run.path()) {
                case SMIME -> "not stopped: the recipient's client forwards what it decrypted";
                case SERVICE -> "not stopped, but the service protects the forward: the forwardee proves who they are first";
                case PLAIN -> "not stopped: the forwardee reads it";
            };
        }
        return "the forward went, but the forwardee cannot read it: " + ComparisonReport.cell(forwardee.get()).text();
    }
}
