package org.envelopelab.knowledge.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.envelopelab.knowledge.bank.Kind;
import org.envelopelab.knowledge.bank.Option;
import org.envelopelab.knowledge.bank.Problem;
import org.envelopelab.knowledge.bank.Proof;
import org.envelopelab.knowledge.bank.Question;

/**
 * Proves a bank's keys. {@link #check} reads every claim and checks what it names exists (the
 * scenario, path, message, party, secret, plan, benchmark), without running anything;
 * {@link #verify} then judges each claim against the lab's own runs and reports, by file and line,
 * every key the evidence contradicts and every claim it has no evidence for.
 *
 * <p>What a key means, kind by kind: a single or multiple choice option is a correct response
 * exactly when all its proofs hold, so a key whose proof fails and a distractor whose proof holds
 * are both wrong; a true-false key is "True" exactly when the question's proofs hold; a matching
 * pair is right when the party's phrase is the one the lab works out for it; ordering items are in
 * the order their proofs first appear in the run's transcript. Any other question-level proof must hold.
 */
public final class Verifier {

    /**
     * What verifying found.
     *
     * @param questions how many questions were checked
     * @param claims    how many claims were judged
     * @param problems  each contradiction or missing evidence, as {@code file:line: sentence}
     */
    public record Result(int questions, int claims, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final ClaimParser parser;

    public Verifier(ClaimParser parser) {
        this.parser = parser;
    }

    /** Every claim that does not parse or names something that is not there. */
    public List<Problem> check(List<Question> questions) {
        List<Problem> problems = new ArrayList<>();
        for (Question question : questions) {
            for (Proof proof : allProofs(question)) {
                try {
                    parser.parse(proof.text());
                } catch (ClaimParser.Unreadable e) {
                    problems.add(new Problem(question.file(), proof.line(), e.getMessage()));
                }
            }
            if (question.kind() == Kind.MATCHING && !question.about().isEmpty()) {
                for (Option pair : question.options()) {
                    try {
                        parser.pair(question.about(), pair.text(), pair.match());
                    } catch (ClaimParser.Unreadable e) {
                        problems.add(new Problem(question.file(), pair.line(), e.getMessage()));
                    }
                }
            }
            if (question.kind() == Kind.ORDERING) {
                for (Option item : question.options()) {
                    for (Proof proof : item.proofs()) {
                        try {
                            if (!(parser.parse(proof.text()) instanceof Claim.Says)) {
                                problems.add(new Problem(question.file(), proof.line(), "an ordering item's proof is where the"
                                        + " run's transcript shows it: in <scenario>[, path <path>]: the transcript says \"<text>\""));
                            }
                        } catch (ClaimParser.Unreadable e) {
                            // reported above
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Judges every claim of the questions with the lab's evidence; {@code progress} gets a line per question. */
    public Result verify(List<Question> questions, Claims claims, Consumer<String> progress) throws Exception {
        List<Problem> problems = new ArrayList<>(check(questions));
        if (!problems.isEmpty()) {
            return new Result(questions.size(), 0, problems);
        }
        int judged = 0;
        int done = 0;
        for (Question question : questions) {
            int before = problems.size();
            judged += verify(question, claims, problems);
            done++;
            progress.accept("[" + done + "/" + questions.size() + "] " + question.id() + ": "
                    + (problems.size() == before ? "proven" : "NOT PROVEN"));
        }
        return new Result(questions.size(), judged, problems);
    }

    private int verify(Question question, Claims claims, List<Problem> problems) throws Exception {
        int judged = 0;
        String file = question.file();
        String name = "question '" + question.id() + "'";
        switch (question.kind()) {
            case SINGLE, MULTIPLE -> {
                for (Option option : question.options()) {
                    Truth truth = truth(option.proofs(), claims);
                    judged += option.proofs().size();
                    if (truth.missing != null) {
                        problems.add(new Problem(file, truth.line, name + ": no evidence for option " + option.letter() + "): " + truth.missing));
                    } else if (option.key() && !truth.holds) {
                        problems.add(new Problem(file, truth.line, name + ": option " + option.letter() + ") is keyed correct,"
                                + " but the lab finds it false: " + truth.found));
                    } else if (!option.key() && truth.holds) {
                        problems.add(new Problem(file, option.line(), name + ": option " + option.letter() + ") is a distractor,"
                                + " but the lab finds it true: " + truth.found));
                    }
                }
            }
            case TRUE_FALSE -> {
                Truth truth = truth(question.proofs(), claims);
                judged += question.proofs().size();
                boolean keyedTrue = question.options().get(0).key();
                if (truth.missing != null) {
                    problems.add(new Problem(file, truth.line, name + ": no evidence for the statement: " + truth.missing));
                } else if (truth.holds != keyedTrue) {
                    problems.add(new Problem(file, question.line(), name + " is keyed " + (keyedTrue ? "True" : "False")
                            + ", but the lab finds the statement " + (truth.holds ? "true" : "false") + ": " + truth.found));
                }
                return judged;
            }
            case MATCHING -> {
                for (Option pair : question.options()) {
                    Finding finding = claims.judge(parser.pair(question.about(), pair.text(), pair.match()));
                    judged++;
                    if (finding.missing()) {
                        problems.add(new Problem(file, pair.line(), name + ": no evidence for pair " + pair.letter() + "): " + finding.found()));
                    } else if (!finding.holds()) {
                        problems.add(new Problem(file, pair.line(), name + ": pair " + pair.letter() + ") says '" + pair.text()
                                + " -> " + pair.match() + "', but the lab finds: " + finding.found()));
                    }
                }
            }
            case ORDERING -> {
                int previous = -1;
                String previousLetter = "";
                for (Option item : question.options()) {
                    Claim.Says says = (Claim.Says) parser.parse(item.proofs().get(0).text());
                    int at = claims.position(says);
                    judged++;
                    if (at < 0) {
                        problems.add(new Problem(file, item.proofs().get(0).line(), name + ": item " + item.letter()
                                + ") is nowhere in the " + says.run().describe() + " transcript: no line says \"" + says.fragment() + "\""));
                    } else if (at <= previous) {
                        problems.add(new Problem(file, item.line(), name + ": item " + item.letter() + ") is listed after "
                                + previousLetter + "), but the run shows it first"));
                    }
                    previous = Math.max(previous, at);
                    previousLetter = item.letter();
                }
            }
        }
        for (Proof proof : question.proofs()) {
            Finding finding = claims.judge(parser.parse(proof.text()));
            judged++;
            if (!finding.holds()) {
                problems.add(new Problem(file, proof.line(), name + ": " + (finding.missing() ? "no evidence: " : "the lab finds"
                        + " this proof false: ") + finding.found()));
            }
        }
        return judged;
    }

    /** Whether all of a list of proofs hold; the first that does not, and what was found. */
    private Truth truth(List<Proof> proofs, Claims claims) throws Exception {
        List<String> found = new ArrayList<>();
        for (Proof proof : proofs) {
            Finding finding = claims.judge(parser.parse(proof.text()));
            if (finding.missing()) {
                return new Truth(false, finding.found(), finding.found(), proof.line());
            }
            if (!finding.holds()) {
                return new Truth(false, finding.found(), null, proof.line());
            }
            found.add(finding.found());
        }
        return new Truth(true, String.join("; ", found), null, proofs.isEmpty() ? 0 : proofs.get(0).line());
    }

    private record Truth(boolean holds, String found, String missing, int line) {
    }

    private static List<Proof> allProofs(Question question) {
        List<Proof> proofs = new ArrayList<>(question.proofs());
        question.options().forEach(option -> proofs.addAll(option.proofs()));
        return proofs;
    }
}
