package org.envelopelab.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.envelopelab.knowledge.bank.BankParser;
import org.envelopelab.knowledge.bank.Lesson;
import org.envelopelab.knowledge.bank.Problem;
import org.envelopelab.knowledge.proof.ClaimParser;
import org.envelopelab.knowledge.proof.Claims;
import org.envelopelab.knowledge.proof.Generator;
import org.envelopelab.knowledge.proof.Runs;
import org.envelopelab.knowledge.proof.Verifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of the bank: a key the lab's evidence contradicts fails verify, at its file and
 * line, whatever the kind of question. One set of runs (clinic compared, attorney as written)
 * serves every test.
 */
class ProvenKeysTest {

    private static final ClaimParser PARSER = new ClaimParser(BankProblemsTest.CATALOG);
    private static final Runs RUNS = new Runs(BankProblemsTest.CATALOG, line -> { });
    private static final Claims CLAIMS = new Claims(RUNS, PARSER.benchmarks());

    static String bank() throws IOException {
        return Files.readString(Path.of("src/test/resources/proven.quiz"), StandardCharsets.UTF_8);
    }

    private static List<String> verify(String text) throws Exception {
        List<Problem> problems = new ArrayList<>();
        Lesson lesson = BankParser.parse("proven.quiz", text, problems);
        assertThat(problems).isEmpty();
        Verifier.Result result = new Verifier(PARSER).verify(lesson.questions(), CLAIMS, line -> { });
        return result.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theBankAsWrittenIsProven() throws Exception {
        assertThat(verify(bank())).isEmpty();
    }

    @Test
    void aFlippedSingleChoiceKeyFailsAtBothOptions() throws Exception {
        String flipped = bank().replace("*a) Gina, and anyone", " a) Gina, and anyone").replace(" b) Only Gina", "*b) Only Gina");
        assertThat(verify(flipped)).containsExactly(
                "proven.quiz:10: question 'plain-mailbox-at-rest': option a) is a distractor, but the lab finds it true:"
                        + " mailbox of gina@gmail.example: held it in the clear at step 1 (saw HbA1c value)",
                "proven.quiz:14: question 'plain-mailbox-at-rest': option b) is keyed correct, but the lab finds it false:"
                        + " mailbox of gina@gmail.example: held it in the clear at step 1 (saw HbA1c value)");
    }

    @Test
    void aFlippedKeyOfEveryOtherKindFails() throws Exception {
        assertThat(verify(bank().replace("*a) The clinic's own mail service", " a) The clinic's own mail service")))
                .singleElement().asString().startsWith("proven.quiz:25: question 'smime-service-and-thief': option a) is a distractor,"
                        + " but the lab finds it true");
        assertThat(verify(bank().replace(" a) True\n", "*a) True\n").replace("*b) False\n", " b) False\n")))
                .singleElement().asString().startsWith("proven.quiz:34: question 'service-wire-wrapper' is keyed True, but the lab"
                        + " finds the statement false");
        assertThat(verify(bank().replace("c) service -> held it encrypted", "c) service -> could read it")))
                .containsExactly("proven.quiz:53: question 'clinic-who-holds-what': pair c) says 'service -> could read it', but the"
                        + " lab finds: service held it encrypted (mail service of northwind-clinic.example: held it encrypted at step 4)");
        String swapped = bank().replace("b) Grace and Frank exchange signed mail\n   proof: in attorney: the transcript says \"exchange certificates\"\n"
                + "c) Grace's client signs, then encrypts\n   proof: in attorney: the transcript says \"protected it with S/MIME: signed, then encrypted\"",
                "b) Grace's client signs, then encrypts\n   proof: in attorney: the transcript says \"protected it with S/MIME: signed, then encrypted\"\n"
                        + "c) Grace and Frank exchange signed mail\n   proof: in attorney: the transcript says \"exchange certificates\"");
        assertThat(verify(swapped)).containsExactly("proven.quiz:65: question 'smime-steps-in-order': item c) is listed after b),"
                + " but the run shows it first");
        assertThat(verify(bank().replace("*a) Office 365 E3", " a) Office 365 E3").replace(" b) Exchange Online", "*b) Exchange Online")))
                .hasSize(2).allMatch(problem -> problem.startsWith("proven.quiz:"));
    }

    @Test
    void generatedQuestionsComeOutProven() throws Exception {
        String generated = new Generator(BankProblemsTest.CATALOG, RUNS, PARSER).generate("clinic");
        List<Problem> problems = new ArrayList<>();
        Lesson lesson = BankParser.parse("generated.quiz", generated, problems);
        assertThat(problems).as(generated).isEmpty();
        assertThat(new Verifier(PARSER).check(lesson.questions())).as(generated).isEmpty();
        assertThat(lesson.questions()).as(generated).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lesson.questions().stream().map(question -> question.kind().word()).distinct())
                .contains("single", "matching");
        assertThat(new Verifier(PARSER).verify(lesson.questions(), CLAIMS, line -> { }).problems()).as(generated).isEmpty();
        assertThat(generated).contains("Why?", "kept from");
    }
}
