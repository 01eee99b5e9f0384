package org.envelopelab.scenario.compare;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.run.Status;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.scenario.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each path cost the people involved, from what its run did: what the sender needed before
 * the first message, what the administrator set up, the steps recipients took, what the
 * organization's service could do with the message, whether forwarding could be stopped, and the
 * time and the bytes on the wire.
 */
final class Costs {

    private Costs() {
    }

    static List<ComparisonReport.CostRow> of(ServiceConfig service, boolean defaultService, List<ComparedMessage> messages,
                                             List<ComparisonReport.PathRun> runs) {
        List<ComparisonReport.CostRow> rows = new ArrayList<>();
        rows.add(row("before the first message", runs, run -> switch (run.path()) {
            case SMIME -> run.certificates() + " certificates issued; " + run.exchanges()
                    + " certificate exchanges by signed mail, one per sender and recipient";
            default -> "nothing";
        }));
        rows.add(row("what the administrator set up", runs, run -> switch (run.path()) {
            case PLAIN -> "nothing";
            case SMIME -> "certificate authorities everyone's client trusts (a PKI)";
            case SERVICE -> service.tenant().plan().title() + "; " + service.rules().size()
                    + (service.rules().size() == 1 ? " mail flow rule" : " mail flow rules") + ", "
                    + (service.branding().isEmpty() ? "the default branding" : service.branding().size() + " branding template(s)")
                    + (defaultService ? " (the lab's default: protect everything sent outside)" : "");
        }));
        rows.add(row("steps the recipients took", runs, Costs::recipientSteps));
        rows.add(row("what the organization's service could do", runs, run -> serviceCould(run, service, messages)));
        rows.add(row("forwarding", runs, run -> forwarding(run, messages)));
        rows.add(row("time (this run, world start included)", runs, run -> run.millis() + " ms"));
        rows.add(row("bytes on the wire", runs, run -> String.format(Locale.ROOT, "%,d", run.bytesOnWire())));
        return rows;
    }

    private interface Answer {
        String of(ComparisonReport.PathRun run);
    }

    private static ComparisonReport.CostRow row(String question, List<ComparisonReport.PathRun> runs, Answer answer) {
        return new ComparisonReport.CostRow(question, runs.stream().map(answer::of).toList());
    }

    private static String recipientSteps(ComparisonReport.PathRun run) {
        long portal = run.transcript().steps().stream()
                .filter(step -> step.kind().equals("portal") && step.status() == Status.OK).count();
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
        List<String> refused = Comparison.refusedForwards(run.transcript());
        if (!refused.isEmpty()) {
            return "stopped: " + refused.get(0).replaceFirst("^.*refused: ", "");
        }
        Optional<Verdict> forwardee = Comparison.verdicts(run.transcript(), messages.get(0).send().id()).stream()
                .filter(verdict -> verdict.party().kind() == Party.Kind.FORWARDEE).findFirst();
        if (forwardee.isEmpty()) {
            return "not tried (nobody to forward to in this world)";
        }
        if (forwardee.get().body() == Access.READABLE) {
            return run.path() == DeliveryPath.SMIME ? "not stopped: the recipient's client forwards what it decrypted"
                    : "not stopped: the forwardee reads it";
        }
        return "the forward went, but the forwardee cannot read it: " + ComparisonReport.cell(forwardee.get()).text();
    }
}
