package org.envelopelab.notebook;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lesson read, run against a stand-in console, checked, and its outputs written back. */
class NotebookTest {

    private static final String LESSON = """
            # A lesson

            Some prose, and a block that never runs:

            ```yaml
            steps: []
            ```

            ```console
            $ lab greet 'Ada Lovelace'
            Hello, Ada Lovelace!
            Today is [..].
            ```

            <!-- lab:cell {"expect-exit": 1} -->
            ```console
            $ lab fail
            ...
            ```

            ```java
            int answer = 6 * 7;
            System.out.println("The answer is " + answer);
            ```

            ```output
            The answer is 42
            ```

            ```java
            System.out.println(answer + 1);
            ```
            """;

    /** A console that greets, fails when asked, and says what it was given otherwise. */
    private static final Console CONSOLE = args -> switch (args.get(0)) {
        case "greet" -> new Console.Result(0, "Hello, " + args.get(1) + "!\nToday is Sunday.\n");
        case "fail" -> new Console.Result(1, "lab: it failed, as asked\n");
        default -> new Console.Result(2, "lab: unknown command " + args + "\n");
    };

    private static List<CellResult> run(String text) throws Exception {
        return new Runner(CONSOLE).run(NotebookParser.parse("lesson.md", text), result -> { });
    }

    private static List<String> problems(List<CellResult> results) {
        List<String> problems = new ArrayList<>();
        results.forEach(result -> problems.addAll(result.problems()));
        return problems;
    }

    @Test
    void cellsAreFoundWithTheirLinesAndOptions() throws Exception {
        Notebook notebook = NotebookParser.parse("lesson.md", LESSON);
        assertThat(notebook.cells()).extracting(Cell::kind, Cell::line, Cell::expectExit).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Cell.Kind.CONSOLE, 9, 0), org.assertj.core.groups.Tuple.tuple(Cell.Kind.CONSOLE, 16, 1),
                org.assertj.core.groups.Tuple.tuple(Cell.Kind.JAVA, 21, 0), org.assertj.core.groups.Tuple.tuple(Cell.Kind.JAVA, 30, 0));
        assertThat(notebook.cells().get(0).commands().get(0).args()).containsExactly("greet", "Ada Lovelace");
    }

    @Test
    void aLessonAsWrittenPassesButTheCellWithoutItsOutput() throws Exception {
        List<CellResult> results = run(LESSON);
        assertThat(results).extracting(CellResult::passed).containsExactly(true, true, true, false);
        assertThat(problems(results)).containsExactly("lesson.md:30: the java cell at line 30 printed something else"
                + " (- expected, + printed):\n+ 43");
    }

    @Test
    void aChangedExpectedOutputFailsAtItsLineWithADiff() throws Exception {
        List<CellResult> results = run(LESSON.replace("Hello, Ada Lovelace!", "Hello, Grace Hopper!")
                .replace("The answer is 42", "The answer is 41"));
        assertThat(problems(results)).startsWith(
                "lesson.md:10: $ lab greet 'Ada Lovelace' printed something else (- expected, + printed):\n"
                        + "- Hello, Grace Hopper!\n+ Hello, Ada Lovelace!\n  Today is Sunday.",
                "lesson.md:26: the java cell at line 21 printed something else (- expected, + printed):\n"
                        + "- The answer is 41\n+ The answer is 42");
        List<CellResult> wrongExit = run(LESSON.replace("<!-- lab:cell {\"expect-exit\": 1} -->\n", ""));
        assertThat(problems(wrongExit)).contains("lesson.md:16: $ lab fail exited 1, not 0\nlab: it failed, as asked");
    }

    @Test
    void updateRewritesOnlyWhatDiffered() throws Exception {
        String changed = LESSON.replace("The answer is 42", "The answer is 41");
        Notebook notebook = NotebookParser.parse("lesson.md", changed);
        String updated = notebook.withOutputs(new Runner(CONSOLE).run(notebook, result -> { }));
        assertThat(updated).contains("Today is [..].", "The answer is 42", "System.out.println(answer + 1);\n```\n\n```output\n43\n```\n")
                .doesNotContain("The answer is 41");
        assertThat(problems(run(updated))).isEmpty();
    }

    @Test
    void whatVariesIsRedactedAndWildcardsMatch() {
        assertThat(Outputs.redact("done in 4039 ms at 12:01:33 on 127.0.0.1:42113, passcode 12345678, token "
                + "Zm9vYmFyYmF6cXV1eHh5enp5Zm9vYmFyYmF6cXV1eHh5enp5Zm9vYmFy")).containsExactly(
                "done in [duration] at [time] on 127.0.0.1:[port], passcode [passcode], token [token]");
        assertThat(Outputs.matches(List.of("a", "...", "z"), List.of("a", "b", "c", "z"))).isTrue();
        assertThat(Outputs.matches(List.of("a", "...", "z"), List.of("a", "b"))).isFalse();
        assertThat(Outputs.matches(List.of("sent [..] bytes"), List.of("sent 2,308 bytes"))).isTrue();
        assertThat(Outputs.matches(List.of("sent [..] bytes"), List.of("sent 2,308 words"))).isFalse();
        assertThat(Outputs.matches(List.of("  time    [duration]    [duration]  x"), List.of("  time    [duration]   [duration]  x")))
                .as("a table's columns move when a redacted value was shorter").isTrue();
        assertThat(Outputs.matches(List.of("a b"), List.of("ab"))).isFalse();
    }

    @Test
    void aLessonThatCannotRunSaysWhereAndWhy() {
        assertThatThrownBy(() -> NotebookParser.parse("l.md", "# x\n\n```console\nlab run clinic\n```\n"))
                .hasMessage("l.md:4: a console cell starts with a command: $ lab ...");
        assertThatThrownBy(() -> NotebookParser.parse("l.md", "```console\n$ rm -rf /\n```\n"))
                .hasMessage("l.md:2: console cells run the lab only: write $ lab <command> ...");
        assertThatThrownBy(() -> NotebookParser.parse("l.md", "```console\n$ lab run clinic | tee x\n```\n"))
                .hasMessage("l.md:2: '|' is shell syntax; a console cell runs one lab command");
        assertThatThrownBy(() -> NotebookParser.parse("l.md", "<!-- lab:cell {\"timeout\": 3} -->\n```console\n$ lab x\n```\n"))
                .hasMessage("l.md:1: unknown cell option 'timeout' (options: expect-exit)");
        assertThatThrownBy(() -> NotebookParser.parse("l.md", "text\n\n```output\n42\n```\n"))
                .hasMessage("l.md:3: an output block must follow a java block");
        assertThatThrownBy(() -> NotebookParser.parse("l.md", "```java\nint x = 1;\n"))
                .hasMessage("l.md:1: this block is never closed (a line of ```)");
    }

    @Test
    void aLessonRendersAsPlainMarkdownWithNothingOfTheRunnerShowing() {
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(LESSON));
        String visible = html.replaceAll("(?s)<!--.*?-->", "");
        assertThat(visible).doesNotContain("lab:cell", "expect-exit");
        assertThat(html).contains("<pre><code class=\"language-console\">$ lab greet", "<code class=\"language-java\">");
    }

    @Test
    void javaCellsReportCompileErrorsAndExceptionsAsOutput() throws Exception {
        List<CellResult> results = run("```java\nint x = \"text\";\n```\n\n```java\nObject o = null; o.toString();\n```\n");
        assertThat(results.get(0).outputs().get(0)).singleElement().asString().startsWith("error: incompatible types");
        assertThat(results.get(1).outputs().get(0)).singleElement().asString().startsWith("exception: java.lang.NullPointerException");
    }
}
