package org.envelopelab.scenario.compare;

import org.envelopelab.people.browser.Browser.SignInBy;
import org.envelopelab.pki.KeyType;
import org.envelopelab.scenario.script.CertificateSpec;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.World;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.SignatureForm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps that send a scenario's messages down one path, in the scenario's own world, as a
 * student would do it by hand: everyone who must exchange certificates does so first (S/MIME),
 * the messages go out, every recipient reads them (in the portal when the service gave them a
 * wrapper), replies go back the path's way, and then the parties who attack take their turn: a
 * recipient forwards the first message (from the portal when they hold only a wrapper), someone
 * holds that recipient's mailbox, and, where there is a wrapper, someone it was not sent to
 * follows its link.
 */
final class PathPlan {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final Scenario scenario;
    private final List<ComparedMessage> messages;
    private final Attackers attackers;

    PathPlan(Scenario scenario, List<ComparedMessage> messages, Attackers attackers) {
        this.scenario = scenario;
        this.messages = List.copyOf(messages);
        this.attackers = attackers;
    }

    /**
     * The scenario as it runs down one path.
     *
     * @param scenario    the planned scenario
     * @param attacksFrom the number of the first step (from 1) of the attacks: a refusal from there
     *                    on is the answer the comparison looks for, not a plan gone wrong
     */
    record Planned(Scenario scenario, int attacksFrom) {
    }

    /** The scenario as it runs down this path. */
    Planned scenarioFor(DeliveryPath path, ServiceConfig service) {
        List<Step> steps = new ArrayList<>();
        List<CertificateSpec> certificates = List.of();
        if (path == DeliveryPath.SMIME) {
            certificates = certificates();
            exchanges().forEach(pair -> steps.add(new Step.ExchangeCertificates(0, pair.get(0), pair.get(1))));
        }
        List<ComparedMessage> originals = messages.stream().filter(message -> !message.reply()).toList();
        List<ComparedMessage> replies = messages.stream().filter(ComparedMessage::reply).toList();
        originals.forEach(message -> steps.add(send(message.send(), path)));
        steps.add(new Step.Wait(0, SETTLE));
        read(originals, path, service, steps);
        if (!replies.isEmpty()) {
            for (ComparedMessage reply : replies) {
                steps.add(path == DeliveryPath.SERVICE && wrapped(reply.send().from(), service)
                        ? portalReply(reply) : send(reply.send(), path));
            }
            steps.add(new Step.Wait(0, SETTLE));
            read(replies, path, service, steps);
        }
        int attacksFrom = steps.size() + 1;
        attack(originals.get(0).send(), path, service, steps);
        return new Planned(scenario.withPlan(scenario.title() + " (" + path.title() + ")", certificates,
                path == DeliveryPath.SERVICE ? service : null, steps), attacksFrom);
    }

    /** Every recipient reads once; those the service gave a wrapper then read in the portal. */
    private void read(List<ComparedMessage> sent, DeliveryPath path, ServiceConfig service, List<Step> steps) {
        Set<String> readers = new LinkedHashSet<>();
        sent.forEach(message -> readers.addAll(people(message.send().recipients())));
        readers.forEach(reader -> steps.add(new Step.Read(0, reader, "INBOX")));
        if (path == DeliveryPath.SERVICE) {
            for (ComparedMessage message : sent) {
                for (String reader : people(message.send().recipients())) {
                    if (wrapped(reader, service) && protectedByService(message.send(), service)) {
                        steps.add(new Step.Portal(0, reader, message.send().id(), SignInBy.PASSCODE, null, null, null, true));
                    }
                }
            }
        }
    }

    /**
     * The parties who attack the first message: its first recipient forwards it, someone holds
     * that recipient's mailbox, and someone it was not sent to follows the link of a wrapper.
     */
    private void attack(Step.Send first, DeliveryPath path, ServiceConfig service, List<Step> steps) {
        List<String> recipients = people(first.recipients());
        if (recipients.isEmpty()) {
            return;
        }
        String victim = recipients.stream().filter(recipient -> service == null || wrapped(recipient, service))
                .findFirst().orElse(recipients.get(0));
        attackers.forwardee(first).ifPresent(forwardee -> {
            if (path == DeliveryPath.SERVICE && wrapped(victim, service)) {
                // Someone who holds only a wrapper forwards the way the service offers: from the portal.
                steps.add(new Step.Portal(0, victim, first.id(), SignInBy.PASSCODE, null, forwardee, null, true));
            } else {
                steps.add(new Step.Forward(0, victim, first.id(), List.of(forwardee), null));
            }
            steps.add(new Step.Wait(0, SETTLE));
            steps.add(new Step.Read(0, forwardee, "INBOX"));
            if (path == DeliveryPath.SERVICE) {
                // A forward the service protected reaches them as a wrapper of their own: they prove who they are.
                steps.add(new Step.Portal(0, forwardee, first.id(), SignInBy.PASSCODE, null, null, null, true));
            }
        });
        steps.add(new Step.StealMailbox(0, victim, false));
        if (path == DeliveryPath.SERVICE && wrapped(victim, service)) {
            attackers.linkHolder(first).ifPresent(holder -> steps.add(new Step.FollowLink(0, holder, first.id(), victim)));
        }
    }

    private Step.Send send(Step.Send send, DeliveryPath path) {
        Step.SmimeOptions smime = path == DeliveryPath.SMIME ? new Step.SmimeOptions(true, true, SignatureForm.CLEAR,
                EncryptionOptions.defaults().cipher(), EncryptionOptions.defaults().keyTransport()) : null;
        return new Step.Send(send.line(), send.id(), send.from(), send.to(), send.cc(), send.bcc(), send.subject(),
                send.text(), send.html(), send.attachments(), send.secrets(), smime, null);
    }

    /** A reply written in the portal: the path the service gives someone who holds only a wrapper. */
    private Step.Portal portalReply(ComparedMessage reply) {
        Step.Send send = reply.send();
        return new Step.Portal(0, send.from(), reply.inReplyTo(), SignInBy.PASSCODE,
                new Step.PortalReply(send.id(), send.text(), send.secrets()), null, null, true);
    }

    /** Everyone who writes or reads one of the messages gets a certificate: the scenario's kind, or RSA-2048. */
    private List<CertificateSpec> certificates() {
        Set<String> people = new LinkedHashSet<>();
        for (ComparedMessage message : messages) {
            people.add(message.send().from());
            people.addAll(people(message.send().recipients()));
        }
        return people.stream().map(address -> scenario.certificates().stream()
                .filter(spec -> spec.address().equalsIgnoreCase(address) && spec.trusted() && !spec.expired()).findFirst()
                .orElse(new CertificateSpec(address, KeyType.RSA_2048, true, false))).toList();
    }

    /** Each writer and each of their recipients, once per pair: what S/MIME needs before the first message. */
    List<List<String>> exchanges() {
        Set<Set<String>> seen = new LinkedHashSet<>();
        List<List<String>> pairs = new ArrayList<>();
        for (ComparedMessage message : messages) {
            for (String recipient : people(message.send().recipients())) {
                String sender = message.send().from();
                if (!sender.equalsIgnoreCase(recipient) && seen.add(Set.of(sender.toLowerCase(), recipient.toLowerCase()))) {
                    pairs.add(List.of(sender, recipient));
                }
            }
        }
        return pairs;
    }

    /** The recipients who are people of the world (a literal address at an unknown user is no one to read). */
    private List<String> people(List<String> addresses) {
        return addresses.stream().filter(address -> scenario.world().everyone().stream()
                .anyMatch(person -> person.address().equalsIgnoreCase(address))).toList();
    }

    private static boolean wrapped(String address, ServiceConfig service) {
        Tenant tenant = service.tenant();
        return !tenant.readsInline(address);
    }

    /** Whether the organization's service would act on the message at all: only mail its own people send. */
    private static boolean protectedByService(Step.Send send, ServiceConfig service) {
        return service.tenant().isInside(send.from());
    }

    /** People of the world the first message does not concern, to play the forwardee and the one with the link. */
    record Attackers(World world) {

        Optional<String> forwardee(Step.Send message) {
            return outsiders(message).stream().findFirst();
        }

        Optional<String> linkHolder(Step.Send message) {
            return outsiders(message).stream().skip(1).findFirst();
        }

        /** People outside the organization first (a customer's spouse, an assistant), then the organization's own. */
        private List<String> outsiders(Step.Send message) {
            Set<String> involved = new LinkedHashSet<>();
            involved.add(message.from().toLowerCase());
            message.recipients().forEach(recipient -> involved.add(recipient.toLowerCase()));
            List<World.Person> candidates = new ArrayList<>(world.people());
            candidates.addAll(world.organization().users());
            return candidates.stream().map(World.Person::address)
                    .filter(address -> !involved.contains(address.toLowerCase())).toList();
        }
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
