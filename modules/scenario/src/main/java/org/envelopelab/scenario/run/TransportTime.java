package org.envelopelab.scenario.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.envelopelab.mailnet.Site;
import org.envelopelab.routes.MailRoutes;

/**
 * How lab time drives the transport in a scenario. The lab clock stands still while a step runs;
 * when a step lets time pass ({@code wait}, {@code advance-clock}) the clock is moved, not in one
 * jump, but from one event to the next: each retry that falls due (the transport's retry queue
 * reads the lab clock) and each fault that ends ({@code outage: {for: 6h}}). At every stop the
 * transport gets to finish what it can before the clock moves on, so retries, delay notices,
 * deliveries after recovery and give-ups happen at the same lab times on every run.
 */
public final class TransportTime {

    /** A fault that ends at a lab time. */
    private record Ending(String site, String fault, Instant at, Runnable end) {
    }

    private final LabWorld lab;
    private final List<Ending> endings = new ArrayList<>();

    TransportTime(LabWorld lab) {
        this.lab = lab;
    }

    /** Ends {@code fault} of {@code site} at lab time {@code at} (with {@code end}). */
    void endLater(Site site, String fault, Instant at, Runnable end) {
        endings.removeIf(ending -> ending.site().equals(site.domain()) && ending.fault().equals(fault));
        endings.add(new Ending(site.domain(), fault, at, end));
    }

    /** Forgets every scheduled end of the site's faults (it was restored by hand). */
    void forget(Site site) {
        endings.removeIf(ending -> ending.site().equals(site.domain()));
    }

    /** Moves the lab clock to {@code target}, stopping at every retry and fault end on the way; false when the transport did not keep up in {@code realTimeout}. */
    public boolean advanceTo(Instant target, Duration realTimeout, Consumer<String> say) throws InterruptedException {
        long deadline = System.nanoTime() + realTimeout.toNanos();
        if (!quiet(deadline)) {
            return false;
        }
        Optional<Instant> next = nextEvent();
        while (next.isPresent() && !next.get().isAfter(target)) {
            if (!stopAt(next.get(), deadline, say)) {
                return false;
            }
            next = nextEvent();
        }
        return stopAt(target, deadline, say);
    }

    /**
     * Lets lab time pass until every copy in the transport is delivered, bounced or dead-lettered
     * (the retry schedule ends every wait); false when that took longer than {@code realTimeout}.
     */
    public boolean settle(Duration realTimeout, Consumer<String> say) throws InterruptedException {
        long deadline = System.nanoTime() + realTimeout.toNanos();
        MailRoutes routes = lab.routes();
        while (true) {
            if (!quiet(deadline)) {
                narrate(say);
                return false;
            }
            if (routes.ledger().pendingCount() == 0) {
                narrate(say);
                return true;
            }
            Optional<Instant> next = nextEvent();
            if (next.isEmpty() || !stopAt(next.get(), deadline, say)) {
                narrate(say);
                return false;
            }
        }
    }

    private boolean stopAt(Instant at, long deadline, Consumer<String> say) throws InterruptedException {
        Instant now = lab.clock().instant();
        if (at.isAfter(now)) {
            lab.clock().advance(Duration.between(now, at));
        }
        Instant reached = lab.clock().instant();
        List<Ending> due = endings.stream().filter(ending -> !ending.at().isAfter(reached))
                .sorted(Comparator.comparing(Ending::at)).toList();
        endings.removeAll(due);
        for (Ending ending : due) {
            ending.end().run();
            say.accept("    " + LabTimes.format(ending.at()) + " " + ending.site() + ": the " + ending.fault()
                    + " is over");
        }
        lab.routes().redelivery().releaseDue();
        boolean quiet = quiet(deadline);
        narrate(say);
        return quiet;
    }

    private boolean quiet(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        return left > 0 && lab.routes().awaitQuiet(Duration.ofNanos(left));
    }

    private Optional<Instant> nextEvent() {
        return Stream.concat(lab.routes().redelivery().nextDue().stream(), endings.stream().map(Ending::at))
                .min(Comparator.naturalOrder());
    }

    private void narrate(Consumer<String> say) {
        lab.routes().redelivery().drainNarration().forEach(line -> say.accept("    " + line));
    }
}
