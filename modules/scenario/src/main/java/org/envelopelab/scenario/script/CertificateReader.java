package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.envelopelab.pki.KeyType;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads the {@code certificates} section: who holds an S/MIME certificate. A person is written
 * with a key type ({@code alice: rsa2048}) or a mapping ({@code frank: {key: ec-p256, issuer:
 * unknown, expired: true}}).
 */
final class CertificateReader {

    static final List<String> KEYS = List.of("key", "issuer", "expired");
    private static final List<String> KEY_TYPES = List.of("rsa2048", "rsa3072", "ec-p256");
    private static final List<String> ISSUERS = List.of("trusted", "unknown");

    private final NodeReader reader;
    private final Roster roster;

    CertificateReader(NodeReader reader, World world) {
        this.reader = reader;
        this.roster = new Roster(world, reader);
    }

    List<CertificateSpec> read(Node node) {
        Optional<ScriptMapping> section = reader.mapping(node,
                mustBe("certificates", "a mapping of people to key types"), "certificates", null);
        if (section.isEmpty()) {
            return List.of();
        }
        Map<String, CertificateSpec> specs = new LinkedHashMap<>();
        for (ScriptMapping.Entry entry : section.get().entries()) {
            Optional<String> address = roster.personAddress(entry.key(), entry.keyNode());
            Optional<CertificateSpec> spec = address.flatMap(who -> spec(who, entry));
            spec.ifPresent(certificate -> specs.putIfAbsent(certificate.address(), certificate));
        }
        return new ArrayList<>(specs.values());
    }

    private Optional<CertificateSpec> spec(String address, ScriptMapping.Entry entry) {
        if (entry.value() instanceof ScalarNode) {
            return keyType(entry.value(), "certificates." + entry.key())
                    .map(key -> new CertificateSpec(address, key, true, false));
        }
        Optional<ScriptMapping> found = reader.mapping(entry.value(),
                mustBe("certificates." + entry.key(), "a key type or a mapping with 'key', 'issuer' and 'expired'"),
                "certificate of '" + entry.key() + "'", KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping certificate = found.get();
        Optional<KeyType> key = certificate.optional("key").map(value -> keyType(value, "key")).orElse(Optional.of(KeyType.RSA_2048));
        Optional<Boolean> trusted = certificate.optional("issuer").map(this::trusted).orElse(Optional.of(true));
        Optional<Boolean> expired = certificate.optional("expired").map(value -> reader.bool(value, "expired"))
                .orElse(Optional.of(false));
        if (key.isEmpty() || trusted.isEmpty() || expired.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CertificateSpec(address, key.get(), trusted.get(), expired.get()));
    }

    private Optional<KeyType> keyType(Node node, String key) {
        Optional<String> label = reader.text(node, key);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        if (!KEY_TYPES.contains(label.get())) {
            reader.report(node, Spelling.unknown("unknown key type '" + label.get() + "'", label.get(), KEY_TYPES,
                    Spelling.listing("key types", KEY_TYPES)));
            return Optional.empty();
        }
        return Optional.of(KeyType.ofLabel(label.get()));
    }

    private Optional<Boolean> trusted(Node node) {
        Optional<String> issuer = reader.text(node, "issuer");
        if (issuer.isPresent() && !ISSUERS.contains(issuer.get())) {
            reader.report(node, "'issuer' must be 'trusted' (their organization's or the public CA) or 'unknown' (a CA nobody trusts)");
            return Optional.empty();
        }
        return issuer.map("trusted"::equals);
    }
}
