package org.envelopelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** lab compare on a seed case, and lab as against a served world. */
class CompareAndAsCommandTest {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @TempDir
    Path temp;

    @BeforeEach
    void pointAtTheRepository() {
        System.setProperty("lab.home", "../..");
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("lab.home");
    }

    private int lab(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = Lab.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theConsultantsContractDownEveryPathSideBySide() throws Exception {
        int exit = lab("compare", "consultant", "--out", temp.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Who could read 'contract'", "in the clear", "S/MIME",
                "the message encryption service", "thief holding pablo@gmail.example's mailbox", "What each path cost:");
        JsonNode report = new ObjectMapper().readTree(temp.resolve("compare.json").toFile());
        assertThat(report.get("paths").toString()).isEqualTo("[\"plain\",\"smime\",\"service\"]");
        assertThat(Files.readString(temp.resolve("compare.md"))).contains("| party | in the clear | S/MIME |",
                "1 certificate exchange by signed mail", "stopped: Do Not Forward");
    }

    @Test
    void somethingWithNothingToCompareIsBadInput() throws Exception {
        Path nothing = temp.resolve("nothing.yaml");
        Files.writeString(nothing, "scenario: Only words\nsteps:\n  - note: nobody sends anything\n");

        assertThat(lab("compare", nothing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("sends no message to the world's people, so there is nothing to compare");
    }

    @Test
    void beingOneOfThePeopleOfAServedWorld() throws Exception {
        Path control = Path.of("../..").resolve(ServeControl.FILE);
        Files.deleteIfExists(control);
        assertThat(lab("as", "gina", "inbox")).as("no world is served yet").isEqualTo(2);
        assertThat(err.toString()).contains("no served world: start one with './lab serve <scenario>'");

        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> {
            CommandLine serve = Lab.commandLine();
            serve.setOut(new PrintWriter(new StringWriter(), true));
            serve.setErr(new PrintWriter(new StringWriter(), true));
            return serve.execute("serve", "clinic", "--stop-after", "60s");
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(control) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Files.getPosixFilePermissions(control)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);

        assertThat(lab("as", "kim", "inbox")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"Your test results\"", "the client got a use license");
        assertThat(lab("as", "kim", "read", "1")).isZero();
        assertThat(out.toString()).containsAnyOf("HbA1c 5.4%", "benign cyst");
        assertThat(lab("as", "kim", "forward", "1", "--to", "ivy")).as("Do Not Forward").isEqualTo(1);
        assertThat(err.toString()).contains("Do Not Forward");
        assertThat(lab("as", "gina", "read", "1")).isZero();
        assertThat(out.toString()).contains("Only a wrapper: read it in the portal");
        assertThat(lab("as", "gina", "read", "9")).isEqualTo(2);
        assertThat(err.toString()).contains("there is no message 9");
        assertThat(lab("as", "nobody", "inbox")).isEqualTo(2);
        assertThat(err.toString()).contains("no person 'nobody' in this world");
        assertThat(lab("as", "ivy", "send", "--to", "gina", "--subject", "Hello", "--text", "Hi sis")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sent \"Hello\" to gina@");
        assertThat(lab("as", "gina", "inbox")).isZero();
        assertThat(out.toString()).contains("\"Hello\"", "from Ivy");
        assertThat(lab("as", "ivy", "send", "--to", "nobody", "--subject", "Hello")).isEqualTo(2);
        assertThat(err.toString()).contains("no person 'nobody' in this world to send to");

        serving.cancel(true);
    }
}
