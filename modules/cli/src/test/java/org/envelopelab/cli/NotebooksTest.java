package org.envelopelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.envelopelab.notebook.CellResult;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of every lesson in notebooks-md/, a test of its own. Surefire runs this class from
 * the repository's root with the root as the lab's home (see this module's pom), exactly as
 * {@code ./lab notebook check} runs them.
 */
class NotebooksTest {

    @TestFactory
    Stream<DynamicContainer> everyCellPrintsWhatItsLessonShows() throws Exception {
        List<Path> lessons;
        try (Stream<Path> files = Files.list(Path.of("notebooks-md"))) {
            lessons = files.filter(file -> file.getFileName().toString().matches("[0-9].*\\.md")).sorted().toList();
        }
        assertThat(lessons).as("the lessons in notebooks-md/").isNotEmpty();
        List<DynamicContainer> containers = new ArrayList<>();
        for (Path lesson : lessons) {
            List<CellResult> results = NotebookCommand.run(lesson, result -> { }).results();
            containers.add(DynamicContainer.dynamicContainer(lesson.getFileName().toString(), results.stream()
                    .map(result -> DynamicTest.dynamicTest(result.cell().kind().name().toLowerCase() + " cell at line "
                            + result.cell().line(), () -> assertThat(result.problems()).as(String.join("\n", result.problems())).isEmpty()))));
        }
        return containers.stream();
    }
}
