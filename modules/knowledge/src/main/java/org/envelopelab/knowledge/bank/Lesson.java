package org.envelopelab.knowledge.bank;

import java.util.List;

/**
 * One question file: a lesson's knowledge check.
 *
 * @param file      the file, as given
 * @param id        the lesson's id (its {@code lesson:} line), e.g. {@code why-encrypt}
 * @param title     its title
 * @param questions its questions, in order
 */
public record Lesson(String file, String id, String title, List<Question> questions) {

    public Lesson {
        questions = List.copyOf(questions);
    }
}
