package org.envelopelab.scenario.script;

/**
 * One thing wrong with a scenario script, located by file and line. It prints as
 * {@code source:line: message}, the form editors and terminals turn into a link to the line.
 *
 * @param source  the file, as the user named it
 * @param line    the 1-based line of the offending node (1 for problems with the file as a whole)
 * @param message what is wrong, in the words of the format's documentation (scenarios/README.md)
 */
public record Problem(String source, int line, String message) {

    @Override
    public String toString() {
        return source + ":" + line + ": " + message;
    }
}
