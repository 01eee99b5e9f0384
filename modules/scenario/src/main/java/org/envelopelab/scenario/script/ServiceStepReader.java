package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.envelopelab.people.browser.Browser.SignInBy;
import org.envelopelab.service.tenant.Feature;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/** Reads the steps of the organization's message encryption service: portal, forward, revoke. */
public final class ServiceStepReader {

    private static final List<String> PORTAL_KEYS = List.of("who", "message", "sign-in", "reply", "forward-to", "fails-with");
    /** The consumer providers whose accounts the portal offers to sign in with (Google, Yahoo, Microsoft). */
    private static final List<String> SIGN_IN_PROVIDERS = List.of("gmail", "yahoo", "outlook");
    private static final List<String> REVOKE_KEYS = List.of("message", "by");

    private final NodeReader reader;
    private final Roster roster;
    private final SentMessages sent;
    private final ServiceConfig service;

    /** @param service the service; the registry reads these steps only when there is one */
    ServiceStepReader(NodeReader reader, Roster roster, SentMessages sent, ServiceConfig service) {
        this.reader = reader;
        this.roster = roster;
        this.sent = sent;
        this.service = service;
    }

    /** {@code portal: {who: carol, message: statement, reply: ..., forward-to: ..., fails-with: ...}}. */
    public Optional<Step.Portal> portal(Node node, int line) {
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("portal", "a mapping with 'who' and 'message'"),
                "portal", PORTAL_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping portal = found.get();
        Optional<String> who = portal.requiredScalar("who").flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        Optional<String> message = portal.requiredScalar("message").flatMap(sent::named).map(SentMessages.Sent::id);
        Step.PortalReply reply = portal.optional("reply").flatMap(this::portalReply).orElse(null);
        String forwardTo = portal.optional("forward-to").flatMap(value -> reader.text(value, "forward-to")
                .flatMap(reference -> roster.anyAddress(reference, value))).orElse(null);
        String failsWith = portal.optionalText("fails-with").orElse(null);
        Optional<SignInBy> signIn = portal.optional("sign-in").map(this::signIn).orElse(Optional.of(SignInBy.PASSCODE));
        if (who.isEmpty() || message.isEmpty() || signIn.isEmpty()) {
            return Optional.empty();
        }
        if (who.get().endsWith("@" + service.tenant().domain())) {
            reader.report(portal.node(), "'" + who.get() + "' is inside the organization and reads protected mail inline,"
                    + " not in the portal (use 'read')");
            return Optional.empty();
        }
        if (service.tenant().readsInline(who.get())) {
            reader.report(portal.node(), "'" + who.get() + "' has a Microsoft account and reads the organization's protected"
                    + " mail inline in Outlook, not in the portal (use 'read')");
            return Optional.empty();
        }
        if (signIn.get() == SignInBy.PROVIDER
                && !roster.providerKindOf(who.get()).filter(SIGN_IN_PROVIDERS::contains).isPresent()) {
            reader.report(portal.optional("sign-in").orElseThrow(), "'sign-in: provider' needs a Gmail-, Yahoo- or"
                    + " Outlook.com-like provider, and " + who.get() + " has none: sign in with 'passcode'");
            return Optional.empty();
        }
        return Optional.of(new Step.Portal(line, who.get(), message.get(), signIn.get(), reply, forwardTo, failsWith));
    }

    /** {@code sign-in: passcode} or {@code sign-in: provider}. */
    private Optional<SignInBy> signIn(Node node) {
        return reader.text(node, "sign-in").flatMap(value -> switch (value.trim()) {
            case "passcode" -> Optional.of(SignInBy.PASSCODE);
            case "provider" -> Optional.of(SignInBy.PROVIDER);
            default -> {
                reader.report(node, mustBe("sign-in", "'passcode' or 'provider'"));
                yield Optional.empty();
            }
        });
    }

    /** {@code reply: text} or {@code reply: {id: answer, text: ..., secrets: {...}}}. */
    private Optional<Step.PortalReply> portalReply(Node node) {
        if (node instanceof ScalarNode) {
            return reader.text(node, "reply").map(text -> new Step.PortalReply(null, text, Map.of()));
        }
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("reply", "text or a mapping with 'id', 'text' and 'secrets'"),
                "reply", List.of("id", "text", "secrets"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping reply = found.get();
        String text = reply.requiredText("text").orElse("");
        String id = reply.optionalText("id").orElse(null);
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        reply.optional("secrets").flatMap(value -> reader.mapping(value, mustBe("secrets", "a mapping of labels to values"),
                "secrets", null)).ifPresent(mapping -> mapping.entries().forEach(entry ->
                reader.text(entry.value(), entry.key()).ifPresent(value -> {
                    if (!text.contains(value)) {
                        reader.report(entry.value(), "secret '" + entry.key() + "' does not appear in the reply");
                    }
                    secrets.put(entry.key(), value);
                })));
        if (id != null) {
            if (sent.holding(id).isPresent()) {
                reader.report(reply.optional("id").orElseThrow(), "message id '" + id + "' is already used by the send on line "
                        + sent.holding(id).get().line());
            } else {
                sent.add(new SentMessages.Sent(id, reply.line(), List.copyOf(secrets.keySet())));
            }
        }
        return Optional.of(new Step.PortalReply(id, text, secrets));
    }

    /**
     * {@code revoke: {message: results, by: lee}}: needs a plan with revocation (said at once, with
     * any other problem of the step), and is done by the message's sender or someone of the
     * organization (an administrator), never by a recipient outside it.
     */
    public Optional<Step.Revoke> revoke(Node node, int line) {
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("revoke", "a mapping with 'message' and 'by'"),
                "revoke", REVOKE_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping revoke = found.get();
        boolean planAllows = ServiceReader.allowed(reader, service.tenant(), Feature.REVOCATION, node);
        Optional<SentMessages.Sent> message = revoke.requiredScalar("message").flatMap(sent::named);
        Optional<String> by = revoke.requiredScalar("by").flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        if (message.isEmpty() || by.isEmpty() || !planAllows) {
            return Optional.empty();
        }
        boolean sender = by.get().equalsIgnoreCase(message.get().from() == null ? "" : message.get().from());
        if (!sender && !service.tenant().isInside(by.get())) {
            reader.report(revoke.optional("by").orElseThrow(), "'" + by.get() + "' cannot revoke '" + message.get().id()
                    + "': only its sender or someone of " + service.tenant().name() + " (an administrator) can revoke a message");
            return Optional.empty();
        }
        return Optional.of(new Step.Revoke(line, message.get().id(), by.get()));
    }
}
