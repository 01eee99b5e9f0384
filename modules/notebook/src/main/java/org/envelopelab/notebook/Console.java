package org.envelopelab.notebook;

import java.util.List;

/** Runs one {@code lab} command in this process, as a console cell asks. */
@FunctionalInterface
public interface Console {

    /**
     * What a command printed and how it ended.
     *
     * @param exit    its exit code
     * @param printed standard output and standard error, interleaved as written
     */
    record Result(int exit, String printed) {
    }

    Result run(List<String> args) throws Exception;
}
