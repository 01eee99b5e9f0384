package org.envelopelab.notebook;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a lesson with commonmark-java and finds its cells: fenced {@code console} blocks of
 * {@code $ lab ...} commands, each followed by the output it must print, and fenced {@code java}
 * blocks, each followed by an {@code output} block. A cell's options sit in the HTML comment just
 * before it: {@code <!-- lab:cell {"expect-exit": 1} -->}. Other fenced blocks (yaml, text ...)
 * are part of the prose and never run.
 */
public final class NotebookParser {

    private static final Pattern OPTIONS = Pattern.compile("^<!--\\s*lab:cell\\s*(\\{.*})\\s*-->\\s*$", Pattern.DOTALL);
    private static final Pattern LAB = Pattern.compile("^(?:\\./)?lab(?:\\s+(.*))?$");

    private NotebookParser() {
    }

    public static Notebook parse(String file, String text) throws NotebookException {
        String normalized = text.replace("\r\n", "\n");
        List<String> lines = List.of(normalized.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(normalized);
        List<Cell> cells = new ArrayList<>();
        Node previous = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof FencedCodeBlock block) {
                String info = block.getInfo().strip();
                if (info.equals("console") || info.equals("java")) {
                    int expectExit = options(file, previous);
                    Node next = block.getNext();
                    FencedCodeBlock output = next instanceof FencedCodeBlock following && following.getInfo().strip().equals("output")
                            ? following : null;
                    cells.add(info.equals("console") ? console(file, lines, block, expectExit)
                            : java(file, lines, block, output, expectExit));
                    if (output != null) {
                        node = output;
                    }
                } else if (info.equals("output")) {
                    throw new NotebookException(file + ":" + first(block) + ": an output block must follow a java block");
                }
            } else if (node instanceof HtmlBlock html && html.getLiteral().contains("lab:cell")
                    && !(html.getNext() instanceof FencedCodeBlock)) {
                throw new NotebookException(file + ":" + first(html) + ": cell options must come just before a console or java block");
            }
            previous = node;
        }
        return new Notebook(file, lines, cells);
    }

    private static int options(String file, Node before) throws NotebookException {
        if (!(before instanceof HtmlBlock html) || !html.getLiteral().contains("lab:cell")) {
            return 0;
        }
        Matcher matcher = OPTIONS.matcher(html.getLiteral().strip());
        if (!matcher.matches()) {
            throw new NotebookException(file + ":" + first(html) + ": cell options are written <!-- lab:cell {\"expect-exit\": 1} -->");
        }
        try {
            Map<?, ?> options = new ObjectMapper().readValue(matcher.group(1), Map.class);
            int exit = 0;
            for (Map.Entry<?, ?> option : options.entrySet()) {
                if (!"expect-exit".equals(option.getKey())) {
                    throw new NotebookException(file + ":" + first(html) + ": unknown cell option '" + option.getKey()
                            + "' (options: expect-exit)");
                }
                if (!(option.getValue() instanceof Integer code) || code < 0 || code > 255) {
                    throw new NotebookException(file + ":" + first(html) + ": expect-exit is an exit code, 0 to 255");
                }
                exit = code;
            }
            return exit;
        } catch (JsonProcessingException e) {
            throw new NotebookException(file + ":" + first(html) + ": cell options are not JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private static Cell console(String file, List<String> lines, FencedCodeBlock block, int expectExit) throws NotebookException {
        int start = first(block);
        int end = closing(file, lines, block);
        List<Cell.Command> commands = new ArrayList<>();
        int commandLine = -1;
        String commandText = null;
        List<String> expected = new ArrayList<>();
        for (int line = start + 1; line < end; line++) {
            String text = lines.get(line - 1);
            if (text.startsWith("$ ")) {
                if (commandText != null) {
                    commands.add(command(file, commandLine, commandText, expected));
                }
                commandLine = line;
                commandText = text.substring(2).strip();
                expected = new ArrayList<>();
            } else if (commandText == null) {
                throw new NotebookException(file + ":" + line + ": a console cell starts with a command: $ lab ...");
            } else {
                expected.add(text);
            }
        }
        if (commandText == null) {
            throw new NotebookException(file + ":" + start + ": this console cell has no command ($ lab ...)");
        }
        commands.add(command(file, commandLine, commandText, expected));
        return new Cell(Cell.Kind.CONSOLE, start, expectExit, commands, "", List.of(), -1, -1, end);
    }

    private static Cell.Command command(String file, int line, String text, List<String> expected) throws NotebookException {
        Matcher lab = LAB.matcher(text);
        if (!lab.matches()) {
            throw new NotebookException(file + ":" + line + ": console cells run the lab only: write $ lab <command> ...");
        }
        return new Cell.Command(line, text, words(file, line, lab.group(1) == null ? "" : lab.group(1)), expected);
    }

    /** Splits a command line as a shell would: spaces separate, single and double quotes group. */
    static List<String> words(String file, int line, String text) throws NotebookException {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if ("|&;<>`$\\".indexOf(c) >= 0) {
                throw new NotebookException(file + ":" + line + ": '" + c + "' is shell syntax; a console cell runs one lab command");
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new NotebookException(file + ":" + line + ": a quote is not closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static Cell java(String file, List<String> lines, FencedCodeBlock block, FencedCodeBlock output, int expectExit)
            throws NotebookException {
        int start = first(block);
        int end = closing(file, lines, block);
        if (expectExit != 0) {
            throw new NotebookException(file + ":" + start + ": expect-exit is for console cells");
        }
        List<String> expected = new ArrayList<>();
        int outputAt = -1;
        int outputEnd = -1;
        if (output != null) {
            outputAt = first(output);
            outputEnd = closing(file, lines, output);
            expected.addAll(lines.subList(outputAt, outputEnd - 1));
        }
        return new Cell(Cell.Kind.JAVA, start, 0, List.of(), block.getLiteral(), expected, outputAt, outputEnd, end);
    }

    /** The 1-based line a block starts on. */
    private static int first(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }

    /** The 1-based line of a fenced block's closing fence; a block left open is a problem. */
    private static int closing(String file, List<String> lines, FencedCodeBlock block) throws NotebookException {
        Iterator<SourceSpan> spans = block.getSourceSpans().iterator();
        int last = -1;
        while (spans.hasNext()) {
            last = spans.next().getLineIndex() + 1;
        }
        String fence = lines.get(first(block) - 1).strip();
        String fenceChars = fence.substring(0, fence.length() - fence.replaceFirst("^[`~]+", "").length());
        if (last <= first(block) || last > lines.size() || !lines.get(last - 1).strip().startsWith(fenceChars)) {
            throw new NotebookException(file + ":" + first(block) + ": this block is never closed (a line of " + fenceChars + ")");
        }
        return last;
    }
}
