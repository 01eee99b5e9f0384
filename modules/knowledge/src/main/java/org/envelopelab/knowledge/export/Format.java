package org.envelopelab.knowledge.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.envelopelab.knowledge.bank.Lesson;

/** The export formats, by the name {@code lab quiz export --format} takes, and the file each writes. */
public enum Format {
    GIFT("gift", "envelope-lab-gift.txt", "Moodle GIFT (import in Moodle: Question bank > Import > GIFT format)"),
    MOODLE_XML("moodle-xml", "envelope-lab-moodle.xml", "Moodle XML (Question bank > Import > Moodle XML format)"),
    QTI("qti", "envelope-lab-qti21.zip", "a QTI 2.1 content package (for Canvas, Blackboard, Brightspace, TAO ...)"),
    MARKDOWN("markdown", "envelope-lab-quiz.md", "Markdown, with the answer key at the end"),
    HTML("html", "envelope-lab-quiz.html", "a printable HTML page, the answer key on a page of its own");

    private final String name;
    private final String file;
    private final String description;

    Format(String name, String file, String description) {
        this.name = name;
        this.file = file;
        this.description = description;
    }

    public String formatName() {
        return name;
    }

    public String file() {
        return file;
    }

    public String description() {
        return description;
    }

    public static Optional<Format> of(String name) {
        return Arrays.stream(values()).filter(format -> format.name.equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Format::formatName).toList());
    }

    /** Writes the lessons in this format into a folder; returns the file written. */
    public Path write(List<Lesson> lessons, Path folder) throws IOException {
        Path target = folder.resolve(file);
        byte[] bytes = switch (this) {
            case GIFT -> Gift.write(lessons).getBytes(StandardCharsets.UTF_8);
            case MOODLE_XML -> MoodleXml.write(lessons).getBytes(StandardCharsets.UTF_8);
            case QTI -> Qti.zip(lessons);
            case MARKDOWN -> Printed.markdown(lessons).getBytes(StandardCharsets.UTF_8);
            case HTML -> Printed.html(lessons).getBytes(StandardCharsets.UTF_8);
        };
        Files.write(target, bytes);
        return target;
    }
}
