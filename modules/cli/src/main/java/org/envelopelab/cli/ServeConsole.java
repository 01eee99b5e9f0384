package org.envelopelab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.envelopelab.mailnet.Site;
import org.envelopelab.scenario.run.LabWorld;
import org.envelopelab.scenario.script.Problem;

/**
 * {@code lab serve}'s console: commands typed on its standard input while the world runs.
 * {@code down <site>} takes a site down (an outage: connections refused, mailboxes kept),
 * {@code up <site>} brings it back, {@code status} lists the sites and the transport's books,
 * {@code help} lists the commands. Mail for a site that is down waits in the transport's retry
 * queue, which follows the lab clock (real time while serving).
 */
final class ServeConsole {

    static final String HELP = "commands: down <site> (an outage), up <site>, status, help";

    private final LabWorld lab;

    ServeConsole(LabWorld lab) {
        this.lab = lab;
    }

    /** Reads commands from {@code in} on a daemon thread until it ends; answers go to {@code out}. */
    void listen(InputStream in, PrintWriter out) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String answer = handle(line);
                    if (!answer.isEmpty()) {
                        out.println(answer);
                        out.flush();
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // the console is gone (standard input closed): the world keeps running
            }
        }, "lab-serve-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** One command's answer, one or more lines; empty for an empty line. */
    String handle(String line) {
        String[] words = line.strip().split("\\s+");
        String command = words[0].toLowerCase(Locale.ROOT);
        switch (command) {
            case "" -> {
                return "";
            }
            case "help", "?" -> {
                return HELP;
            }
            case "status" -> {
                return status();
            }
            case "down", "up" -> {
                if (words.length != 2) {
                    return "'" + command + "' needs a site, e.g. '" + command + " gmail.example'";
                }
                Optional<Site> site = site(words[1]);
                if (site.isEmpty()) {
                    return "no site '" + Problem.oneLine(words[1]) + "'; the sites are " + String.join(", ",
                            lab.sites().stream().map(Site::domain).toList());
                }
                if (command.equals("down")) {
                    site.get().stop();
                    return site.get().domain() + " is down: connections are refused, its mailboxes are kept;"
                            + " mail for it waits in the transport and is retried";
                }
                site.get().start();
                site.get().faults().clear();
                return site.get().domain() + " is up again; mail waiting for it goes at its next try";
            }
            default -> {
                return "unknown command '" + Problem.oneLine(words[0]) + "'; " + HELP;
            }
        }
    }

    private String status() {
        StringBuilder text = new StringBuilder();
        for (Site site : lab.sites()) {
            text.append(String.format("%-22s %s%s%n", site.domain(), site.isRunning() ? "up" : "DOWN",
                    site.faults().describe().equals("none") ? "" : " (" + site.faults().describe() + ")"));
        }
        text.append("transport: ").append(lab.routes().ledger().totals()).append("; waiting for a retry: ")
                .append(lab.routes().redelivery().waitingRecipients());
        return text.toString();
    }

    private Optional<Site> site(String name) {
        return lab.sites().stream().filter(site -> site.domain().equalsIgnoreCase(name)
                || site.name().equalsIgnoreCase(name)).findFirst();
    }
}
