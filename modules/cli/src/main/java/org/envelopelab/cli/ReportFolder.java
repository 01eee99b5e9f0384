package org.envelopelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks {@code --out DIR} before a run does any work: a folder that exists or can be made, and written to. */
final class ReportFolder {

    private ReportFolder() {
    }

    static void check(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new BadInput("--out " + folder + " is a file, not a folder; reports go into a folder");
        }
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".lab-", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new BadInput("--out " + folder + " cannot hold the reports: "
                    + (e instanceof IOException io ? ExitCodes.reason(io) : e.getMessage()));
        }
    }
}
