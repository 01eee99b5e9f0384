package org.envelopelab.mailnet;

import java.time.Duration;

/**
 * Trouble a site can be put in on purpose, for a lesson or a load test: it answers every SMTP
 * command slowly, it drops the connection in the middle of DATA, or it defers mail with a 4xx
 * reply at {@code MAIL FROM}. (A full outage is {@link Site#stop()}.) Changes take effect on the
 * next command; {@link #clear()} ends them all.
 */
public final class SiteFaults {

    /** The reply of a site that defers mail, as a busy server answers. */
    public static final String DEFERRING = "451 4.3.2 System not accepting network messages, try again later";

    private volatile Duration slowBy = Duration.ZERO;
    private volatile boolean dropDuringData;
    private volatile String deferral;

    /** Every command is answered this much later (zero: at once). */
    public void answerSlowly(Duration by) {
        slowBy = by.isNegative() ? Duration.ZERO : by;
    }

    /** The connection is closed after the client began sending a message's content. */
    public void dropDuringData(boolean drop) {
        dropDuringData = drop;
    }

    /** {@code MAIL FROM} is answered with this 4xx reply (null: accepted as usual). */
    public void defer(String reply) {
        if (reply != null && !reply.startsWith("4")) {
            throw new IllegalArgumentException("a deferral is a 4xx reply: " + reply);
        }
        deferral = reply;
    }

    public void clear() {
        slowBy = Duration.ZERO;
        dropDuringData = false;
        deferral = null;
    }

    public Duration slowBy() {
        return slowBy;
    }

    public boolean dropsDuringData() {
        return dropDuringData;
    }

    /** The 4xx reply, or null when mail is not deferred. */
    public String deferral() {
        return deferral;
    }

    /** How the faults read, for {@code lab serve}'s status: "slow by 2s, drops DATA", or "none". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!slowBy.isZero()) {
            text.append("answers ").append(slowBy.toMillis()).append(" ms late");
        }
        if (dropDuringData) {
            text.append(text.isEmpty() ? "" : ", ").append("drops the connection during DATA");
        }
        if (deferral != null) {
            text.append(text.isEmpty() ? "" : ", ").append("defers mail (").append(deferral, 0, 9).append(')');
        }
        return text.isEmpty() ? "none" : text.toString();
    }
}
