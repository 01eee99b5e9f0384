package org.envelopelab.notebook;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * One JShell for a notebook's java cells, run in this JVM (JShell's local execution engine) with
 * the lab's classes on its class path, so a cell can use any of them and sees what earlier cells
 * declared. What a cell prints to standard output and error is its output; a compile error or an
 * exception is printed as output too, so the lesson's expected output shows it.
 */
final class JavaCells implements AutoCloseable {

    private final JShell shell;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    JavaCells() {
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        shell = JShell.builder().executionEngine("local").out(capture).err(capture).build();
        for (String entry : classPath()) {
            shell.addToClasspath(entry);
        }
    }

    /** Runs a cell's code, snippet by snippet, and returns what it printed. */
    String run(String code) {
        captured.reset();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            String remaining = code;
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                        || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE && info.source() == null) {
                    capture.println("error: the cell ends in the middle of a statement");
                    break;
                }
                String source = info.source() != null ? info.source() : remaining;
                if (!evaluate(source, capture)) {
                    break;
                }
                remaining = info.remaining();
            }
        } finally {
            capture.flush();
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** One snippet; false when it failed (the rest of the cell is not run). */
    private boolean evaluate(String source, PrintStream capture) {
        for (SnippetEvent event : shell.eval(source)) {
            if (event.exception() != null) {
                Throwable thrown = event.exception();
                capture.println("exception: " + (thrown instanceof jdk.jshell.EvalException eval ? eval.getExceptionClassName()
                        : thrown.getClass().getName()) + ": " + thrown.getMessage());
                return false;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                String errors = shell.diagnostics(event.snippet()).filter(Diag::isError)
                        .map(diag -> diag.getMessage(java.util.Locale.ROOT)).collect(Collectors.joining("; "));
                capture.println("error: " + errors.lines().findFirst().orElse("the snippet does not compile"));
                return false;
            }
        }
        return true;
    }

    /** This JVM's class path, with the jars each jar's manifest names (the lab's jar names its libraries that way). */
    static List<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            add(entries, Path.of(entry));
        }
        return new ArrayList<>(entries);
    }

    private static void add(Set<String> entries, Path entry) {
        if (entry.toString().isEmpty() || !entries.add(entry.toAbsolutePath().toString())) {
            return;
        }
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            String classPath = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                Path base = entry.toAbsolutePath().getParent();
                for (String item : classPath.trim().split("\\s+")) {
                    if (item.startsWith("file:")) {
                        add(entries, Path.of(java.net.URI.create(item)));
                    } else {
                        add(entries, base.resolve(item));
                    }
                }
            }
        } catch (IOException e) {
            // not a jar we can read: JShell is told of the entry as it is
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
