package org.envelopelab.scenario.script;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A validated scenario script: the world it runs in and the steps it takes. Every reference in
 * it (people, messages, secrets) has been checked, so a runner can trust it.
 *
 * @param source  the file it came from, as given to the parser (used in messages)
 * @param title   a one-line title
 * @param summary what the scenario shows, for the transcript; may be empty
 * @param seed    the seed for everything random in a run (passwords, tokens)
 * @param clock   the lab's fixed clock at the start of the run (Date headers)
 * @param world        the organization, providers and people
 * @param certificates who holds an S/MIME certificate, and what kind
 * @param service      the organization's message encryption service, or null when it has none
 * @param steps        the steps, in order
 * @param paths        the ways {@code lab compare} sends the scenario's messages (all three unless the script says)
 * @param warnings     what works but the writer should know, as file:line sentences
 */
public record Scenario(String source, String title, String summary, long seed, Instant clock, World world,
                       List<CertificateSpec> certificates, ServiceConfig service, List<Step> steps,
                       List<DeliveryPath> paths, List<Problem> warnings) {

    public Scenario {
        certificates = List.copyOf(certificates);
        steps = List.copyOf(steps);
        paths = List.copyOf(paths);
        warnings = List.copyOf(warnings);
    }

    /** The same world and people with other steps, certificates and service: one path of a comparison. */
    public Scenario withPlan(String title, List<CertificateSpec> newCertificates, ServiceConfig newService, List<Step> newSteps) {
        return new Scenario(source, title, summary, seed, clock, world, newCertificates, newService, newSteps, paths, warnings);
    }

    /** The send steps, in order. */
    public List<Step.Send> sends() {
        return steps.stream().filter(Step.Send.class::isInstance).map(Step.Send.class::cast).toList();
    }

    public Optional<Step.Send> send(String messageId) {
        return sends().stream().filter(send -> send.id().equals(messageId)).findFirst();
    }
}
