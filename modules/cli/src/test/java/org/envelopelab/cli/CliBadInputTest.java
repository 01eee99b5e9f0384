package org.envelopelab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's mistakes on the command line: exit 2 and one sentence, checked before any work is done. */
class CliBadInputTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private String pki;

    @BeforeEach
    void setUp() {
        terminal = new Terminal(dir);
        pki = terminal.path("lab-pki");
    }

    private void assertRefused(int exit, String sentence) {
        assertThat(exit).as(terminal.err()).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains(sentence);
    }

    @Test
    void runRefusesAnOutThatCannotHoldReportsBeforeRunning() throws Exception {
        Path file = terminal.write("report.md", "an existing file");
        assertRefused(terminal.lab("run", "bank-statement", "--out", file.toString()),
                "--out " + file + " is a file, not a folder; reports go into a folder");
        assertThat(terminal.out()).as("nothing ran").isEmpty();
        assertRefused(terminal.lab("run", "bank-statement", "--out", "/dev/null/x"), "--out /dev/null/x cannot hold the reports");
        assertRefused(terminal.lab("run", "bank-statement", "--out", "/dev/full"), "--out /dev/full is a file, not a folder");
    }

    @Test
    void runMakesAMissingFolder() {
        Path missing = dir.resolve("a/b/c");
        assertThat(terminal.lab("run", "../../scenarios/bank-statement.yaml", "--quiet", "--out", missing.toString()))
                .as(terminal.err()).isZero();
        assertThat(missing.resolve("report.md")).exists();
    }

    @Test
    void pkiRefusesDaysBeyondAHundredYears() {
        assertRefused(terminal.lab("pki", "issue", "bob@fabrikam.example", "--dir", pki, "--days", "99999999"),
                "--days must be between 1 and 36500 (100 years), not 99999999");
        assertThat(Files.exists(Path.of(pki))).as("nothing was made").isFalse();
    }

    @Test
    void pkiRefusesAnEmptyPassword() {
        assertRefused(terminal.lab("pki", "issue", "bob@fabrikam.example", "--dir", pki, "--password", ""),
                "--password may not be empty");
        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--dir", pki)).isZero();
        assertRefused(terminal.lab("pki", "export", "bob@fabrikam.example", "--dir", pki, "--password", ""),
                "--password may not be empty");
    }

    @Test
    void pkiRefusesAVeryLongAddressOrName() {
        String longAddress = "a".repeat(300) + "@fabrikam.example";
        assertRefused(terminal.lab("pki", "issue", longAddress, "--dir", pki),
                "the address is 317 characters long; an email address has at most 254 (RFC 5321)");
        assertRefused(terminal.lab("pki", "issue", "bob@fabrikam.example", "--dir", pki, "--name", "n".repeat(300)),
                "--name is 300 characters long; a certificate's name has 1 to 64 (RFC 5280)");
        assertRefused(terminal.lab("pki", "issue", "bob\r\n@fabrikam.example", "--dir", pki),
                "is not an email address");
    }

    @Test
    void pkiExportOfAnUnknownAddressNamesWhoIsThere() {
        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--dir", pki)).isZero();
        assertRefused(terminal.lab("pki", "export", "nobody@fabrikam.example", "--dir", pki),
                "no certificate for nobody@fabrikam.example in " + pki + " (issued so far: bob@fabrikam.example)");
    }
}
