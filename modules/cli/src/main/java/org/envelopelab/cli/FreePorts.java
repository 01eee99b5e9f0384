package org.envelopelab.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.envelopelab.scenario.run.PortLayout;
import org.envelopelab.scenario.script.World;

/** Checks, before a world starts, that every fixed port it will listen on is free. */
final class FreePorts {

    private FreePorts() {
    }

    /** The first fixed port that is taken, as one sentence; empty when all are free (or none is fixed). */
    static Optional<String> firstTaken(PortLayout layout, World world, boolean portal) {
        if (!layout.fixed()) {
            return Optional.empty();
        }
        List<String> domains = new ArrayList<>();
        domains.add(world.organization().domain());
        world.providers().forEach(provider -> domains.add(provider.domain()));
        for (int site = 0; site < domains.size(); site++) {
            for (int port : new int[] {layout.smtp(site), layout.imap(site)}) {
                if (!free(port)) {
                    String what = (port == layout.smtp(site) ? "SMTP" : "IMAP") + " of " + domains.get(site);
                    return Optional.of(taken(port, what));
                }
            }
        }
        if (portal && !free(layout.portal())) {
            return Optional.of(taken(layout.portal(), "the portal"));
        }
        return Optional.empty();
    }

    private static String taken(int port, String what) {
        return "port " + port + " (" + what + ") is already in use on 127.0.0.1, perhaps by another lab serve;"
                + " stop it or choose another --base-port";
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException taken) {
            return false;
        }
    }
}
