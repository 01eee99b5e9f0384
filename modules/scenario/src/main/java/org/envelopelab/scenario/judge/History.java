package org.envelopelab.scenario.judge;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Party;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A party's evidence about one message in words, as the changes in what it could read: the first
 * copy it held, each time it could read more, every refusal, and every message that never came.
 * Holding the same again adds nothing; doing the same again right after is folded into one event
 * ("read at steps 6, 7"). For example: "held the wrapper at step 5; read at steps 6, 7; refused at
 * step 22: This message expired on 1 April 2026."
 */
final class History {

    /** One thing that happened, and every step it happened at in a row. */
    private record Event(String what, String reason, List<Integer> steps) {
        String words() {
            String at = steps.size() == 1 ? " at step " + steps.get(0)
                    : " at steps " + steps.stream().map(String::valueOf).collect(Collectors.joining(", "));
            return what + at + (reason.isEmpty() ? "" : ": " + reason);
        }
    }

    private History() {
    }

    static String of(List<Evidence> entries) {
        List<Event> events = new ArrayList<>();
        Access best = null;
        for (Evidence entry : entries) {
            String what = what(entry);
            Event last = events.isEmpty() ? null : events.get(events.size() - 1);
            boolean again = last != null && last.what().equals(what) && last.reason().equals(entry.reason());
            if (entry.outcome() == Evidence.Outcome.HELD) {
                boolean more = best == null || best.orBetter(entry.body()) != best;
                if (more) {
                    best = entry.body();
                } else if (!again) {
                    continue; // held what it could already read: nothing changed
                }
            }
            if (again) {
                if (!last.steps().contains(entry.step())) {
                    last.steps().add(entry.step());
                }
                continue;
            }
            events.add(new Event(what, entry.reason(), new ArrayList<>(List.of(entry.step()))));
        }
        return events.stream().map(Event::words).collect(Collectors.joining("; "));
    }

    private static String what(Evidence entry) {
        return switch (entry.outcome()) {
            case HELD -> held(entry.body(), entry.party().kind());
            case REFUSED -> "refused";
            case MISSED -> "missed it";
        };
    }

    /** People write and read; servers, wires and stores hold what they carry. */
    private static String held(Access body, Party.Kind kind) {
        return switch (body) {
            case READABLE -> switch (kind) {
                case SENDER -> "wrote it";
                case RECIPIENT, FORWARDEE, THIEF, LINK_HOLDER -> "read";
                default -> "held it in the clear";
            };
            case ENCRYPTED -> "held it encrypted";
            case NOT_IN_COPY -> "held the wrapper";
            case NONE, NEVER -> "held it";
        };
    }
}
