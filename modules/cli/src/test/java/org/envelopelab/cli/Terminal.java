package org.envelopelab.cli;

import org.envelopelab.testkit.OpenSsl;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code lab} command as a terminal runs it, in a working folder, with {@code openssl} beside it. */
final class Terminal {

    private final Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    Terminal(Path dir) {
        this.dir = dir;
    }

    /** Runs {@code lab} with these arguments; paths in them are as given (absolute, or relative to the JVM's directory). */
    int lab(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = Lab.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    String path(String name) {
        return dir.resolve(name).toString();
    }

    /** Runs openssl in the folder; returns what it printed, and fails the test if it took over a minute. */
    String openssl(String... args) throws Exception {
        return new OpenSsl(dir).run(args).output();
    }

    /** The error a student sees: one line, "lab: " and a sentence, with nothing of Java in it. */
    void assertOnePlainSentence() {
        assertThat(err()).startsWith("lab: ").doesNotContain("Exception", "java.", "sun.", "org.", "\tat ");
        assertThat(err().strip().lines()).hasSize(1);
    }

    Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
