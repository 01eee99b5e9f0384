package org.envelopelab.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab smime --help}: each command's summary is a whole sentence. */
class SmimeHelpTest {

    @Test
    void eachCommandIsSummarisedInAWholeSentence() {
        Terminal terminal = new Terminal(Path.of("."));
        assertThat(terminal.lab("smime", "--help")).isZero();

        List<String> summaries = new ArrayList<>();
        boolean inCommands = false;
        for (String line : terminal.out().lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.startsWith("  ") && !line.startsWith("   ")) {
                summaries.add(line.strip());
            } else if (inCommands) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        assertThat(summaries).extracting(summary -> summary.split(" ")[0])
                .containsExactly("sign", "encrypt", "decrypt", "verify", "efail");
        assertThat(summaries).allSatisfy(summary -> assertThat(summary).endsWith("."));
        assertThat(summaries).anySatisfy(summary -> assertThat(summary).startsWith("verify").contains("whether From is the signer's address."));
    }
}
