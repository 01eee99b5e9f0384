package org.envelopelab.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.envelopelab.knowledge.bank.BankParser;
import org.envelopelab.knowledge.bank.Problem;
import org.envelopelab.knowledge.proof.Catalog;
import org.envelopelab.knowledge.proof.ClaimParser;
import org.envelopelab.knowledge.proof.Verifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code lab quiz validate} says about broken question files: one file:line sentence each. */
class BankProblemsTest {

    static final Catalog CATALOG = Catalog.under(Path.of("../.."));

    private static final String HEADER = "lesson: test\ntitle: A test lesson\n\n";

    /** A single-choice question on clinic, valid, with a place to break it. */
    private static final String GOOD = """
            question: at-rest
            kind: single
            tags: C1
            difficulty: easy
            stem: Who can read it?
            *a) The mailbox
                proof: in clinic, path plain: mailbox of gina can read HbA1c value of gina-results
                feedback: yes
             b) Nobody
                proof: in clinic, path plain: mailbox of gina cannot read HbA1c value of gina-results
             c) Only the service
                proof: in clinic, path plain: mailbox of gina holds gina-results encrypted
            explain: because
            """;

    private static List<String> problems(String text) {
        List<Problem> problems = new ArrayList<>();
        var lesson = BankParser.parse("t.quiz", text, problems);
        if (problems.isEmpty()) {
            problems.addAll(new Verifier(new ClaimParser(CATALOG)).check(lesson.questions()));
        }
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void aGoodQuestionHasNoProblem() {
        assertThat(problems(HEADER + GOOD)).isEmpty();
    }

    @Test
    void singleChoiceNeedsExactlyOneKeyAndTwoDistractors() {
        assertThat(problems(HEADER + GOOD.replace(" b) Nobody", "*b) Nobody")))
                .containsExactly("t.quiz:4: question 'at-rest' is single choice, so exactly one option is the key (marked *), not 2",
                        "t.quiz:4: question 'at-rest' needs at least two distractors (options not marked *), not 1");
        String twoOptions = GOOD.substring(0, GOOD.indexOf(" c) Only")) + "explain: because\n";
        assertThat(problems(HEADER + twoOptions))
                .containsExactly("t.quiz:4: question 'at-rest' needs at least two distractors (options not marked *), not 1");
    }

    @Test
    void idsAreUniqueTagsKnownAndEveryOptionProven() {
        assertThat(problems(HEADER + GOOD.replace("tags: C1", "tags: C1, C99")))
                .singleElement().asString().startsWith("t.quiz:6: unknown tag 'C99' (tags: C1, C2");
        assertThat(problems(HEADER + GOOD.replace("    proof: in clinic, path plain: mailbox of gina holds gina-results encrypted\n", "")))
                .containsExactly("t.quiz:14: option 'c)' has no proof: write the claim that is true exactly when it is a correct response");
        assertThat(problems(HEADER + GOOD + "\n" + GOOD)).isEmpty(); // within one file the Bank checks ids; see BankTest
    }

    @Test
    void proofsMustNameWhatExists() {
        assertThat(problems(HEADER + GOOD.replace("in clinic, path plain: mailbox of gina can read", "in clinik, path plain: mailbox of gina can read")))
                .singleElement().asString().startsWith("t.quiz:10: unknown scenario 'clinik' (scenarios: attorney, bank");
        assertThat(problems(HEADER + GOOD.replace("mailbox of gina can read", "mailbox of gena can read")))
                .singleElement().asString().startsWith("t.quiz:10: unknown party 'gena' in scenario 'clinic'");
        assertThat(problems(HEADER + GOOD.replace("HbA1c value of gina-results\n    feedback", "HbA1c of gina-results\n    feedback")))
                .containsExactly("t.quiz:10: 'HbA1c' is neither a part (headers, body, attachments) nor a secret of message"
                        + " 'gina-results' (its secrets: HbA1c value)");
        assertThat(problems(HEADER + GOOD.replace("can read HbA1c value of gina-results", "can read body of gina-result")))
                .containsExactly("t.quiz:10: unknown message 'gina-result' in scenario 'clinic' (messages: gina-results, hugo-results)");
        assertThat(problems(HEADER + GOOD.replace("in clinic, path plain: mailbox of gina can read", "in clinic, path email: mailbox of gina can read")))
                .containsExactly("t.quiz:10: unknown path 'email' (paths: plain, smime, service)");
        assertThat(problems(HEADER + GOOD.replace("in clinic, path plain: mailbox of gina can read", "in clinic, path plain: mailbox of gina may read")))
                .singleElement().asString().startsWith("t.quiz:10: cannot read the fact 'mailbox of gina may read");
    }

    @Test
    void theFormatItselfIsCheckedLineByLine() {
        assertThat(problems(GOOD)).containsExactly("t.quiz:1: the file has no 'lesson: <id>' line at the top",
                "t.quiz:1: the file has no 'title: <text>' line at the top");
        assertThat(problems(HEADER + GOOD.replace("kind: single", "kind: essay")))
                .containsExactly("t.quiz:5: unknown kind 'essay' (kinds: single, multiple, true-false, matching, ordering)");
        assertThat(problems(HEADER + GOOD.replace(" c) Only", " d) Only")))
                .containsExactly("t.quiz:14: option 'd)' is out of order: expected 'c)'");
        assertThat(problems(HEADER + GOOD.replace("difficulty: easy", "level: easy")))
                .contains("t.quiz:7: unknown field 'level' (fields: lesson, title, question, kind, tags, difficulty, stem,"
                        + " about, proof, explain, and under an option proof and feedback)");
        assertThat(problems(HEADER + GOOD.replace("stem: Who", "Who")))
                .contains("t.quiz:8: a line must be a field (name: value), an option (a) ... or *a) ... for a key), a comment (#),"
                        + " or an indented continuation of the text above it");
    }

    @Test
    void matchingAndOrderingAndTrueFalseHaveTheirShapes() {
        String matching = """
                question: who-holds
                kind: matching
                tags: C3
                difficulty: medium
                stem: Match them.
                about: in clinic, path smime: gina-results
                a) gina -> could read it
                b) mailbox of gina -> held it encrypted
                c) ivy -> read it all
                """;
        assertThat(problems(HEADER + matching)).containsExactly("t.quiz:12: unknown match 'read it all' (one of: could read it,"
                + " was refused, held it encrypted, held only the wrapper, never held it)");
        String ordering = """
                question: in-order
                kind: ordering
                tags: C12
                difficulty: medium
                stem: Order them.
                a) one
                   proof: in attorney: the transcript says "exchange certificates"
                b) two
                   proof: in attorney: frank can read body of contract
                c) three
                """;
        assertThat(problems(HEADER + ordering)).containsExactly("t.quiz:13: item 'c)' needs exactly one proof: where the run's"
                + " transcript shows it, e.g. proof: in attorney: the transcript says \"exchange certificates\"");
        String trueFalse = """
                question: tf
                kind: true-false
                tags: C3
                difficulty: easy
                stem: It is so.
                 a) Yes
                *b) No
                """;
        assertThat(problems(HEADER + trueFalse)).containsExactly(
                "t.quiz:4: question 'tf' is true-false: its options are 'a) True' and 'b) False', with * on the key",
                "t.quiz:4: question 'tf' has no proof: a true-false question proves its statement with 'proof:' lines before the options");
    }
}
