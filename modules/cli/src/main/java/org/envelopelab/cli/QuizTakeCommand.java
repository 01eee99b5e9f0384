package org.envelopelab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.envelopelab.knowledge.bank.Bank;
import org.envelopelab.knowledge.bank.Question;
import org.envelopelab.knowledge.bank.Shuffle;
import org.envelopelab.knowledge.take.Attempt;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab quiz take}: a lesson's knowledge check in the terminal. */
@Command(name = "take", mixinStandardHelpOptions = true,
        description = {"Take a lesson's knowledge check in the terminal.",
            "The options are shuffled; feedback follows each answer, the score comes at",
            "the end. Answer with letters (b; ac for several; t or f), digits for",
            "matching (one per pair), letters in order for ordering. An empty answer (or",
            "the end of input) stops early."},
        footer = {"", "Exit codes: 0 done (whatever the score); 2 bad usage or an unreadable --answers.",
            "", "Examples:", "  ./lab quiz take why-encrypt",
            "  ./lab quiz take why-encrypt --in-order --answers 1a,2b,3:3125,4abcd"})
final class QuizTakeCommand implements Callable<Integer> {

    private static final Pattern ENTRY = Pattern.compile("^([0-9]+)[:.]?(.+)$");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LESSON", arity = "0..1", description = "a lesson's id or question file (default: every lesson)")
    String lesson;

    @Option(names = "--answers", paramLabel = "LIST",
            description = "answer without asking: question number and answer, comma-separated, e.g. 1b,2ac,3t,4:3125,5cabd")
    String answers;

    @Option(names = "--seed", paramLabel = "N", description = "shuffle the options the same way every time")
    Long seed;

    @Option(names = "--in-order", description = "show the options as the bank lists them (ordering items still shuffled)")
    boolean inOrder;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Bank bank = QuizCommand.read(lesson == null ? List.of() : List.of(lesson), spec.commandLine().getErr());
        if (bank == null) {
            return ExitCodes.INVALID_INPUT;
        }
        List<Question> questions = bank.questions();
        Map<Integer, String> given = answers == null ? null : parse(answers, questions.size());
        Random random = seed != null ? new Random(seed) : new SecureRandom();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println(bank.lessons().size() == 1 ? bank.lessons().get(0).title() : "Envelope Lab: every lesson");
        out.println(QuizCommand.count(questions.size(), "question") + ".");
        int right = 0;
        int asked = 0;
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            List<Integer> order = inOrder ? Shuffle.bankOrder(question) : Shuffle.order(question, random);
            Attempt attempt = new Attempt(question, order);
            out.println();
            out.print(attempt.render(i + 1));
            Attempt.Marked marked = null;
            while (marked == null) {
                String answer;
                if (given != null) {
                    answer = given.get(i + 1);
                    if (answer == null) {
                        break;
                    }
                    out.println("   answer: " + answer);
                } else {
                    out.print("   Your answer: ");
                    out.flush();
                    answer = in.readLine();
                    if (answer == null || answer.isBlank()) {
                        break;
                    }
                }
                try {
                    marked = attempt.mark(answer);
                } catch (Attempt.Unreadable e) {
                    if (given != null) {
                        throw new BadInput("--answers: question " + (i + 1) + ": " + e.getMessage());
                    }
                    out.println("   " + e.getMessage() + ".");
                }
            }
            if (marked == null) {
                if (given == null) {
                    break;
                }
                out.println("   (no answer)");
                asked++;
                continue;
            }
            asked++;
            if (marked.correct()) {
                right++;
            }
            out.println("   " + (marked.correct() ? "Correct." : "Not quite."));
            marked.feedback().forEach(line -> out.println("   " + line));
        }
        out.println();
        out.println("Score: " + right + " of " + asked + (asked == 0 ? "" : " (" + Math.round(100.0 * right / asked) + "%)")
                + (asked < questions.size() ? "; stopped after " + QuizCommand.count(asked, "question") : "") + ".");
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<Integer, String> parse(String list, int questions) {
        Map<Integer, String> answers = new HashMap<>();
        List<String> entries = new ArrayList<>(List.of(list.split(",")));
        for (String entry : entries) {
            Matcher matcher = ENTRY.matcher(entry.strip());
            if (!matcher.matches()) {
                throw new BadInput("--answers: cannot read '" + entry.strip() + "': write the question's number, then"
                        + " the answer, e.g. 2b (use 3:2135 when the answer is digits)");
            }
            int number = Integer.parseInt(matcher.group(1).length() > 6 ? "0" : matcher.group(1));
            if (number < 1 || number > questions) {
                throw new BadInput("--answers: there is no question " + matcher.group(1) + " (questions 1 to " + questions + ")");
            }
            if (answers.put(number, matcher.group(2)) != null) {
                throw new BadInput("--answers: question " + number + " is answered twice");
            }
        }
        return answers;
    }
}
