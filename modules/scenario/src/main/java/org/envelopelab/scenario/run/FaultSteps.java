package org.envelopelab.scenario.run;

import java.time.Duration;
import java.time.Instant;

import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.SiteFaults;
import org.envelopelab.scenario.script.Step;

/**
 * The steps that put a site in trouble, and the one that ends it. A fault with {@code for} ends
 * by itself when lab time passes its end ({@link TransportTime}); without it, at {@code restore}.
 */
public final class FaultSteps {

    private FaultSteps() {
    }

    public static Status outage(Stage stage, Step.Outage outage) {
        Site site = site(stage, outage.site());
        stage.headline(site.domain() + " goes down" + lasting(stage, outage.lasting()));
        site.stop();
        endLater(stage, site, "outage", outage.lasting(), site::start);
        stage.say("    connections to " + site.domain() + " are refused; its mailboxes are kept");
        return Status.OK;
    }

    public static Status slow(Stage stage, Step.Slow slow) {
        Site site = site(stage, slow.site());
        stage.headline(site.domain() + " answers " + LabTimes.format(slow.by()) + " late" + lasting(stage, slow.lasting()));
        site.faults().answerSlowly(slow.by());
        endLater(stage, site, "slowness", slow.lasting(), () -> site.faults().answerSlowly(Duration.ZERO));
        return Status.OK;
    }

    public static Status dropData(Stage stage, Step.DropData drop) {
        Site site = site(stage, drop.site());
        stage.headline(site.domain() + " drops connections in the middle of DATA" + lasting(stage, drop.lasting()));
        site.faults().dropDuringData(true);
        endLater(stage, site, "dropping of DATA", drop.lasting(), () -> site.faults().dropDuringData(false));
        return Status.OK;
    }

    public static Status defer(Stage stage, Step.Defer defer) {
        Site site = site(stage, defer.site());
        stage.headline(site.domain() + " defers mail (" + SiteFaults.DEFERRING.substring(0, 9) + ")"
                + lasting(stage, defer.lasting()));
        site.faults().defer(SiteFaults.DEFERRING);
        endLater(stage, site, "deferral", defer.lasting(), () -> site.faults().defer(null));
        return Status.OK;
    }

    public static Status restore(Stage stage, Step.Restore restore) {
        Site site = site(stage, restore.site());
        stage.headline(site.domain() + " is back");
        site.start();
        site.faults().clear();
        stage.transportTime().forget(site);
        stage.lab().routes().redelivery().nextDue().ifPresent(next ->
                stage.say("    mail waiting for a retry goes at its next try (the next is due at " + LabTimes.format(next) + ")"));
        return Status.OK;
    }

    private static Site site(Stage stage, String domain) {
        return stage.lab().mail().site(domain);
    }

    private static String lasting(Stage stage, Duration lasting) {
        return lasting == null ? " until it is restored"
                : " for " + LabTimes.format(lasting) + ", until " + LabTimes.format(stage.lab().clock().instant().plus(lasting));
    }

    private static void endLater(Stage stage, Site site, String fault, Duration lasting, Runnable end) {
        if (lasting != null) {
            Instant at = stage.lab().clock().instant().plus(lasting);
            stage.transportTime().endLater(site, fault, at, end);
        }
    }
}
