package org.envelopelab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.envelopelab.scenario.run.LabWorld;
import org.envelopelab.scenario.script.DefaultWorld;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab load} counts that nothing is lost; {@code lab serve}'s console takes sites down and up. */
class LoadAndServeConsoleTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        CommandLine commandLine = Lab.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void loadWithOutagesLosesAndDuplicatesNothing() {
        assertThat(lab("load", "--messages", "300", "--outages", "--timeout", "2m")).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("submitted     300", "of them held encrypted: 0", "lost          0", "duplicated    0", "bounced       60",
                "Nothing lost, nothing duplicated.");
    }

    @Test
    void loadMixesPlainSmimeAndServiceMessagesAndLosesNothing() {
        assertThat(lab("load", "--messages", "30", "--mix", "plain,smime,service", "--timeout", "2m")).as(out + "" + err).isZero();
        // Ten plain messages arrive readable, ten S/MIME ones encrypted; of the ten marked for the service,
        // Contoso's service protects seven, and Carol's three (from Gmail, which has no such service) arrive readable.
        assertThat(out.toString()).contains("Load: 30 messages (plain, smime, service)", "submitted     30",
                "delivered     30 (in the mailboxes over IMAP: 30, of them held encrypted: 17)", "lost          0",
                "duplicated    0", "Nothing lost, nothing duplicated.");
    }

    @Test
    void onATerminalOneProgressLineIsRewrittenInPlaceAndClearedAtTheEnd() {
        StringWriter screen = new StringWriter();
        LoadCommand.Progress progress = new LoadCommand.Progress(true, new PrintWriter(screen, true));
        progress.submitting(500, 2000, System.nanoTime() - 1_000_000_000L);
        progress.end();
        assertThat(screen.toString()).matches("\r\u001b\\[Ksubmitted 500 of 2000, \\d+ msg/s, ETA \\d+ s\r\u001b\\[K");

        StringWriter file = new StringWriter();
        LoadCommand.Progress quiet = new LoadCommand.Progress(false, new PrintWriter(file, true));
        quiet.submitting(500, 2000, System.nanoTime() - 1_000_000_000L);
        quiet.end();
        assertThat(file.toString()).as("no progress line when the output is not a terminal").isEmpty();
    }

    @Test
    void loadRefusesAnUnknownKindOfMessage() {
        assertThat(lab("load", "--messages", "10", "--mix", "plain,pgp")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lab: --mix takes plain, smime and service, not 'pgp'" + System.lineSeparator());
    }

    @Test
    void loadRefusesACountOutOfBoundsInOneSentence() {
        assertThat(lab("load", "--messages", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lab: --messages must be between 1 and 100000, not 0" + System.lineSeparator());
    }

    @Test
    void serveSaysWhichFixedPortIsTaken() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int base = squatter.getLocalPort();
            assertThat(lab("serve", "--base-port", Integer.toString(base), "--stop-after", "200ms")).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("lab serve: port " + base + " (SMTP of contoso.example) is already in"
                    + " use on 127.0.0.1, perhaps by another lab serve; stop it or choose another --base-port"
                    + System.lineSeparator());
        }
    }

    @Test
    void theConsoleTakesASiteDownAndUp() throws Exception {
        try (LabWorld lab = LabWorld.start(DefaultWorld.get(), List.of(), null, 1, java.time.Instant.now(), 0)) {
            ServeConsole console = new ServeConsole(lab);
            assertThat(console.handle("down gmail.example")).startsWith("gmail.example is down");
            assertThat(lab.mail().site("gmail.example").isRunning()).isFalse();
            assertThat(console.handle("status")).contains("gmail.example          DOWN", "contoso.example        up");
            assertThat(console.handle("up Gmail")).startsWith("gmail.example is up again");
            assertThat(lab.mail().site("gmail.example").isRunning()).isTrue();
            assertThat(console.handle("down nowhere.example\r")).startsWith("no site 'nowhere.example'; the sites are");
            assertThat(console.handle("explode")).isEqualTo("unknown command 'explode'; " + ServeConsole.HELP);
            assertThat(console.handle("help")).isEqualTo(ServeConsole.HELP);
        }
    }
}
