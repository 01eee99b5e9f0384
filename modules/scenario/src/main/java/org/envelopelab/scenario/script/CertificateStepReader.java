package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/** Reads the S/MIME certificate steps: exchange, publish, revoke; each needs people who hold certificates. */
public final class CertificateStepReader {

    private final NodeReader reader;
    private final Roster roster;
    private final Set<String> certified;

    CertificateStepReader(NodeReader reader, Roster roster, Set<String> certified) {
        this.reader = reader;
        this.roster = roster;
        this.certified = certified;
    }

    /** {@code publish-certificate: alice}: a person who holds a certificate. */
    public Optional<Step.PublishCertificate> publishCertificate(Node node, int line) {
        return certificateHolder(node, "publish-certificate").map(who -> new Step.PublishCertificate(line, who));
    }

    /** {@code revoke-certificate: alice}: a person who holds a certificate. */
    public Optional<Step.RevokeCertificate> revokeCertificate(Node node, int line) {
        return certificateHolder(node, "revoke-certificate").map(who -> new Step.RevokeCertificate(line, who));
    }

    /** {@code exchange-certificates: [alice, frank]}: two people who both hold certificates. */
    public Optional<Step.ExchangeCertificates> exchange(Node node, int line) {
        Optional<List<ScalarNode>> people = reader.oneOrMany(node, mustBe("exchange-certificates", "a list of two people"));
        if (people.isEmpty()) {
            return Optional.empty();
        }
        if (people.get().size() != 2) {
            reader.report(node, mustBe("exchange-certificates", "a list of two people"));
            return Optional.empty();
        }
        List<String> addresses = new ArrayList<>();
        for (ScalarNode person : people.get()) {
            holder(person.getValue(), person, "exchange-certificates").ifPresent(addresses::add);
        }
        if (addresses.size() != 2) {
            return Optional.empty();
        }
        if (addresses.get(0).equals(addresses.get(1))) {
            reader.report(node, "exchange-certificates needs two different people");
            return Optional.empty();
        }
        return Optional.of(new Step.ExchangeCertificates(line, addresses.get(0), addresses.get(1)));
    }

    private Optional<String> certificateHolder(Node node, String step) {
        if (!(node instanceof ScalarNode scalar)) {
            reader.report(node, mustBe(step, "a person"));
            return Optional.empty();
        }
        return holder(scalar.getValue(), node, step);
    }

    /** A person who holds a certificate, by id or address. */
    private Optional<String> holder(String reference, Node at, String step) {
        Optional<String> address = roster.personAddress(reference, at);
        if (address.isPresent() && !certified.contains(address.get())) {
            reader.report(at, "'" + reference + "' holds no certificate, so cannot take part in " + step
                    + " (list them under 'certificates')");
            return Optional.empty();
        }
        return address;
    }
}
