package org.envelopelab.knowledge.bank;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The question files read together: their lessons, and every problem with them in file and line
 * order, including ids used twice across files.
 *
 * @param lessons  the lessons read (with whatever questions could be read, even when there were problems)
 * @param problems what is wrong, as {@code file:line: sentence}
 */
public record Bank(List<Lesson> lessons, List<Problem> problems) {

    /** The file name ending of a question file. */
    public static final String SUFFIX = ".quiz";

    public Bank {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    /** The question files in a folder, by name. */
    public static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file))
                    .sorted().toList();
        }
    }

    /** Reads the files; a file that cannot be read is a problem of its own, at line 1. */
    public static Bank read(List<Path> files) {
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            try {
                if (Files.size(file) > BankParser.MAX_CHARS * 4L) {
                    problems.add(new Problem(name, 1, "the file is larger than " + BankParser.MAX_CHARS + " characters; split the lesson"));
                    continue;
                }
                String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                lessons.add(BankParser.parse(name, text, problems));
            } catch (CharacterCodingException e) {
                problems.add(new Problem(name, 1, "the file is not UTF-8 text"));
            } catch (IOException e) {
                problems.add(new Problem(name, 1, "cannot read the file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        }
        Map<String, Question> ids = new HashMap<>();
        Map<String, Lesson> lessonIds = new HashMap<>();
        for (Lesson lesson : lessons) {
            Lesson earlier = lessonIds.putIfAbsent(lesson.id(), lesson);
            if (earlier != null && !lesson.id().isEmpty()) {
                problems.add(new Problem(lesson.file(), 1, "lesson id '" + lesson.id() + "' is already used by " + earlier.file()));
            }
            for (Question question : lesson.questions()) {
                Question first = ids.putIfAbsent(question.id(), question);
                if (first != null) {
                    problems.add(new Problem(question.file(), question.line(), "question id '" + question.id()
                            + "' is already used at " + first.where()));
                }
            }
        }
        return new Bank(lessons, problems);
    }

    /** Every question, lesson by lesson. */
    public List<Question> questions() {
        return lessons.stream().flatMap(lesson -> lesson.questions().stream()).toList();
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }
}
