package org.envelopelab.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.envelopelab.knowledge.bank.BankParser;
import org.envelopelab.knowledge.bank.Problem;
import org.envelopelab.knowledge.bank.Question;
import org.envelopelab.knowledge.bank.Shuffle;
import org.envelopelab.knowledge.take.Attempt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A question in the terminal: shuffled, answered, marked, with the feedback for what was chosen. */
class AttemptTest {

    private static List<Question> questions() throws Exception {
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = BankParser.parse("proven.quiz", ProvenKeysTest.bank(), problems).questions();
        assertThat(problems).isEmpty();
        return questions;
    }

    private static List<Integer> inOrder(Question question) {
        return Shuffle.bankOrder(question);
    }

    @Test
    void singleChoiceGivesTheChosenFeedbackAndTheAnswerWhenWrong() throws Exception {
        Question single = questions().get(0);
        Attempt attempt = new Attempt(single, inOrder(single));
        Attempt.Marked right = attempt.mark("a");
        assertThat(right.correct()).isTrue();
        assertThat(right.feedback()).contains("Gina, and anyone who gets into her mailbox: Mail at rest is as readable as the day it arrived.");
        Attempt.Marked wrong = attempt.mark(" B ");
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.feedback()).contains("The answer: a) Gina, and anyone who gets into her mailbox.");
        assertThatThrownBy(() -> attempt.mark("ab")).hasMessage("choose one letter, a to c");
        assertThatThrownBy(() -> attempt.mark("z")).hasMessage("'z' is not one of the letters a to c");
    }

    @Test
    void multipleNeedsEveryKeyAndNothingElse() throws Exception {
        Question multiple = questions().get(1);
        Attempt attempt = new Attempt(multiple, inOrder(multiple));
        assertThat(attempt.mark("ba").correct()).isTrue();
        assertThat(attempt.mark("a").correct()).isFalse();
        assertThat(attempt.mark("abc").correct()).isFalse();
    }

    @Test
    void trueFalseMatchingAndOrdering() throws Exception {
        List<Question> questions = questions();
        Attempt trueFalse = new Attempt(questions.get(2), inOrder(questions.get(2)));
        assertThat(trueFalse.mark("f").correct()).isTrue();
        assertThat(trueFalse.mark("t").feedback()).contains("Only a wrapper crossed to Gmail.", "The answer: False.");

        Attempt matching = new Attempt(questions.get(3), inOrder(questions.get(3)));
        assertThat(matching.render(4)).contains("to one of:", "1. could read it", "5. never held it");
        assertThat(matching.mark("3135").correct()).isTrue();
        assertThat(matching.mark("3115").feedback()).contains("service: held it encrypted, not could read it.");
        assertThatThrownBy(() -> matching.mark("31")).hasMessageStartingWith("give 4 digits, one per pair");

        Question ordering = questions.get(4);
        List<Integer> shown = Shuffle.order(ordering, new Random(7));
        assertThat(shown).as("never shown in the right order").isNotEqualTo(List.of(0, 1, 2, 3));
        Attempt attempt = new Attempt(ordering, shown);
        StringBuilder right = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            right.append(Shuffle.letter(shown.indexOf(i)));
        }
        assertThat(attempt.mark(right.toString()).correct()).isTrue();
        assertThat(attempt.mark(right.reverse().toString()).correct()).isFalse();
        assertThatThrownBy(() -> attempt.mark("aab")).hasMessage("give each of the letters a to d once, in order");
    }
}
