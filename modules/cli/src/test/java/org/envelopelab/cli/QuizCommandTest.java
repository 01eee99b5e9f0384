package org.envelopelab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** lab quiz, as an instructor and a student use it. */
class QuizCommandTest {

    private static final String PROVEN = "../knowledge/src/test/resources/proven.quiz";

    /** A bank whose one key the plan table contradicts: plan 1 alone has no message encryption. */
    private static final String WRONG_KEY = """
            lesson: plans
            title: Plans

            question: plan-one
            kind: true-false
            tags: C17
            difficulty: easy
            stem: Exchange Online Plan 1 includes message encryption on its own.
            proof: plan exchange-online-plan-1 gives message encryption
            *a) True
             b) False
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
        CommandLine commandLine = Lab.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void validateNamesEachProblemByFileAndLine() throws Exception {
        Path broken = temp.resolve("broken.quiz");
        Files.writeString(broken, WRONG_KEY.replace("tags: C17", "tags: C71").replace("exchange-online-plan-1", "exchange-plan-9"));
        assertThat(lab("quiz", "validate", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(broken + ":6: unknown tag 'C71'");
        assertThat(lab("quiz", "validate", PROVEN)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 lesson, 6 questions: valid");
        out.getBuffer().setLength(0);
        assertThat(lab("quiz", "validate", "benchmarks")).as("a lesson, though ../../benchmarks is no folder here").isZero();
        assertThat(out.toString()).contains("1 lesson, ");
        assertThat(lab("quiz", "validate", "no-such-lesson")).isEqualTo(2);
        assertThat(err.toString()).contains("lab: no question file or lesson 'no-such-lesson' (lessons: why-encrypt");
    }

    @Test
    void verifyFailsOnAKeyTheLabContradicts() throws Exception {
        Path wrong = temp.resolve("plans.quiz");
        Files.writeString(wrong, WRONG_KEY);
        assertThat(lab("quiz", "verify", wrong.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(wrong + ":4: question 'plan-one' is keyed True, but the lab finds the statement"
                + " false: Exchange Online Plan 1 lacks message encryption");
        assertThat(out.toString()).contains("NOT PROVEN: 1 problem in 1 question");

        Files.writeString(wrong, WRONG_KEY.replace("*a) True\n b) False", " a) True\n*b) False"));
        out.getBuffer().setLength(0);
        assertThat(lab("quiz", "verify", wrong.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Proven: 1 question in 1 lesson, 1 claim judged against the lab's runs.");
    }

    @Test
    void takeMarksAnswersGivenOnTheCommandLine() {
        assertThat(lab("quiz", "take", PROVEN, "--in-order", "--answers", "1a,2ab,3t,4:3135")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Proven by the lab", "Correct.", "Only a wrapper crossed to Gmail.",
                "Score: 3 of 6 (50%).");
        assertThat(lab("quiz", "take", PROVEN, "--answers", "9a")).isEqualTo(2);
        assertThat(err.toString()).contains("lab: --answers: there is no question 9 (questions 1 to 6)");
    }

    @Test
    void notebookCheckFailsAtTheLineOfAChangedOutputWithADiff() throws Exception {
        Path lesson = temp.resolve("01-lesson.md");
        Files.writeString(lesson, "# A lesson\n\n```console\n$ lab quiz show " + PROVEN + " --ids service-wire-wrapper\n```\n");
        assertThat(lab("notebook", "update", lesson.toString())).as(err.toString()).isZero();
        String updated = Files.readString(lesson);
        assertThat(updated).contains("1. Through the service, an eavesdropper on the wire can read Gina's HbA1c value.");
        assertThat(lab("notebook", "check", lesson.toString())).as(err.toString()).isZero();

        Files.writeString(lesson, updated.replace("can read Gina's HbA1c value.", "can read Gina's results."));
        assertThat(lab("notebook", "check", lesson.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(lesson + ":4: $ lab quiz show " + PROVEN + " --ids service-wire-wrapper printed"
                + " something else (- expected, + printed):\n"
                + "- 1. Through the service, an eavesdropper on the wire can read Gina's results.\n"
                + "+ 1. Through the service, an eavesdropper on the wire can read Gina's HbA1c value.");
        assertThat(out.toString()).contains("1 of 1 cell differ");
    }

    @Test
    void exportWritesAllFiveFormats() throws Exception {
        Path folder = temp.resolve("export");
        assertThat(lab("quiz", "export", "--out", folder.toString(), PROVEN)).as(err.toString()).isZero();
        assertThat(Files.list(folder).map(path -> path.getFileName().toString()).sorted().toList()).containsExactly(
                "envelope-lab-gift.txt", "envelope-lab-moodle.xml", "envelope-lab-qti21.zip", "envelope-lab-quiz.html",
                "envelope-lab-quiz.md");
        assertThat(lab("quiz", "export", "--format", "pdf", PROVEN)).isEqualTo(2);
        assertThat(err.toString()).contains("lab: unknown format 'pdf' (formats: gift, moodle-xml, qti, markdown, html, all)");
    }
}
