package org.envelopelab.scenario.script;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The lab's own scenarios, mutated the ways a hurried student (or a fuzzer) breaks YAML: whatever
 * comes in, the parser either accepts it or lists problems, each one line of
 * {@code file:line: sentence}; it never throws anything else and never hangs. The seed is fixed,
 * so every build tries the same 400 mutants (a few seconds).
 */
class MutatedScenariosTest {

    private static final Path FOLDER = Path.of("../../scenarios");
    private static final List<String> SCENARIOS = scenarios();
    private static final String SOURCE = "mutant.yaml";
    private static final Pattern ONE_PROBLEM = Pattern.compile(Pattern.quote(SOURCE) + ":[1-9][0-9]*: \\S[^\\r\\n]*");
    /** Far above any real parse (milliseconds); a hang or a super-linear blow-up crosses it. */
    private static final long BOUND_SECONDS = 20;
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mutant-parser");
        thread.setDaemon(true);
        return thread;
    });

    enum Mutation {
        DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, REINDENT, WRONG_TYPE, TRUNCATE, ANCHORS_AND_ALIASES, SELF_MERGE,
        DEEP_FLOW_NESTING, DEEP_BLOCK_NESTING, BINARY_JUNK, BOM, CR_ONLY, LONG_LINE, TABS
    }

    record Mutant(String text, String how) {
        @Override
        public String toString() {
            return how;
        }
    }

    @Property(tries = 400, seed = "17")
    void everyMutantIsAcceptedOrRefusedOneLineAProblem(@ForAll("mutants") Mutant mutant) throws Exception {
        Future<Scenario> parsed = PARSER.submit(() -> ScenarioParser.parse(SOURCE, mutant.text(), FOLDER));
        try {
            parsed.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException hang) {
            parsed.cancel(true);
            fail("the parser took over " + BOUND_SECONDS + " s on " + mutant.how());
        } catch (ExecutionException thrown) {
            if (!(thrown.getCause() instanceof InvalidScenarioException invalid)) {
                throw new AssertionError(mutant.how() + " threw " + thrown.getCause(), thrown.getCause());
            }
            assertThat(invalid.problems()).as(mutant.how()).isNotEmpty();
            for (Problem problem : invalid.problems()) {
                assertThat(problem.toString()).as(mutant.how()).matches(ONE_PROBLEM);
            }
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Combinators.combine(Arbitraries.of(SCENARIOS), Arbitraries.of(Mutation.values()),
                Arbitraries.longs(), Arbitraries.integers().between(1, 3))
                .as((scenario, mutation, seed, times) -> {
                    Random random = new Random(seed);
                    String text = read(scenario);
                    for (int i = 0; i < times; i++) {
                        text = mutate(text, mutation, random);
                    }
                    return new Mutant(text, mutation + " x" + times + " of " + scenario + " (seed " + seed + ")");
                });
    }

    static String mutate(String text, Mutation mutation, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (mutation) {
            case DELETE_LINE -> lines.remove(at);
            case DUPLICATE_LINE -> lines.add(at, lines.get(at));
            case SWAP_LINES -> java.util.Collections.swap(lines, at, random.nextInt(lines.size()));
            case REINDENT -> lines.set(at, " ".repeat(random.nextInt(9)) + lines.get(at).stripLeading());
            case WRONG_TYPE -> {
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                String[] values = {"[1, 2]", "{ a: b }", "12345678901234567890", "true", "~", "-1", "\"\"", "99999999999d",
                    "-999999999-01-01T00:00:00Z", "!!binary AAAA", "[", "}", "*nowhere"};
                String value = values[random.nextInt(values.length)];
                lines.set(at, colon < 0 ? line + ": " + value : line.substring(0, colon + 2) + value);
            }
            case TRUNCATE -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case ANCHORS_AND_ALIASES -> {
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                if (colon >= 0) {
                    lines.set(at, line.substring(0, colon + 2) + "&a" + random.nextInt(3) + " " + line.substring(colon + 2));
                }
                int other = random.nextInt(lines.size());
                String target = lines.get(other);
                int otherColon = target.indexOf(": ");
                lines.set(other, (otherColon < 0 ? target + ":" : target.substring(0, otherColon + 1)) + " *a" + random.nextInt(3));
            }
            case SELF_MERGE -> lines.add(at, "  - send: &s { <<: *s, from: alice }");
            case DEEP_FLOW_NESTING -> {
                int depth = 1 + random.nextInt(5000);
                lines.add(at, "deep: " + "[".repeat(depth) + "]".repeat(depth));
            }
            case DEEP_BLOCK_NESTING -> {
                int depth = 1 + random.nextInt(2000);
                StringBuilder block = new StringBuilder("deep:");
                for (int level = 1; level <= depth; level++) {
                    block.append('\n').append(" ".repeat(level)).append("k").append(level).append(':');
                }
                lines.add(at, block.toString());
            }
            case BINARY_JUNK -> {
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                lines.add(at, new String(junk, StandardCharsets.ISO_8859_1));
            }
            case BOM -> {
                return "\uFEFF" + text;
            }
            case CR_ONLY -> {
                return text.replace('\n', '\r');
            }
            case LONG_LINE -> lines.set(at, lines.get(at) + "x".repeat(random.nextInt(200_000)));
            case TABS -> lines.set(at, "\t" + lines.get(at));
        }
        return String.join("\n", lines);
    }

    private static String read(String scenario) {
        try {
            return Files.readString(FOLDER.resolve(scenario));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> scenarios() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
