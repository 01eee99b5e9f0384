package org.envelopelab.knowledge.proof;

import java.util.List;

import org.envelopelab.service.tenant.AddOn;
import org.envelopelab.service.tenant.Feature;
import org.envelopelab.service.tenant.Plan;

/**
 * A claim a question file makes, parsed: something the lab can find true or false from the
 * evidence of its own runs. {@link ClaimParser} reads them; {@link Claims} judges them.
 */
public sealed interface Claim {

    /** The claim as written, for messages. */
    String text();

    /**
     * Which run: the scenario as its file writes it ({@code path} null), or one path of {@code lab compare}.
     *
     * @param scenario the scenario's name, e.g. clinic
     * @param path     plain, smime or service; null for the scenario as written
     */
    record Run(String scenario, org.envelopelab.scenario.script.DeliveryPath path) {
        public String describe() {
            return scenario + (path == null ? "" : ", path " + path.key());
        }
    }

    /** {@code <party> can read | cannot read <items> of <message>} */
    record Reads(String text, Run run, PartyName party, boolean can, List<String> items, String message) implements Claim {
        public Reads {
            items = List.copyOf(items);
        }
    }

    /** {@code <party> holds <message> encrypted | holds only the wrapper of <message> | never holds <message>}: a matching phrase. */
    record Holds(String text, Run run, PartyName party, String phrase, String message) implements Claim {
    }

    /** {@code <party> is refused <message> [with "<text>"]}: it asked to read and was refused. */
    record Refused(String text, Run run, PartyName party, String message, String reason) implements Claim {
    }

    /** {@code <message> is delivered to <person>} or {@code <message> bounces for <person>}. */
    record Delivery(String text, Run run, String message, String person, boolean delivered) implements Claim {
    }

    /** {@code the transcript says "<text>"}: some narration line of the run contains it (case ignored). */
    record Says(String text, Run run, String fragment) implements Claim {
    }

    /** {@code the service log of <message> says "<text>"}: the service's audit of the message contains it. */
    record ServiceLog(String text, Run run, String message, String fragment) implements Claim {
    }

    /** {@code "<cost row>" says "<text>"}: on a path of the comparison, that cost's answer contains it. */
    record Cost(String text, Run run, String row, String fragment) implements Claim {
    }

    /** {@code plan <plan> [with <add-on>, ...] gives | lacks <feature>}: the service's plan table. */
    record PlanGives(String text, Plan plan, List<AddOn> addOns, Feature feature, boolean gives) implements Claim {
        public PlanGives {
            addOns = List.copyOf(addOns);
        }
    }

    /** {@code in efail: cbc | gcm leaks the plaintext | rejects the altered message}: the EFAIL lesson, run. */
    record Efail(String text, String cipher, boolean leaks) implements Claim {
    }

    /** {@code in benchmarks <jdk>: <benchmark> is faster than <benchmark> [by at least <n>x]}: committed results. */
    record Faster(String text, String jdk, String faster, String slower, double factor) implements Claim {
    }
}
