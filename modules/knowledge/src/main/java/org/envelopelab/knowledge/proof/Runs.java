package org.envelopelab.knowledge.proof;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.envelopelab.scenario.compare.Comparison;
import org.envelopelab.scenario.run.ScenarioRunner;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.smime.EfailLesson;
import org.envelopelab.smime.EfailReport;

/**
 * The lab's own evidence, produced on demand and once: each cited scenario run as written, each
 * cited scenario's comparison (one run per path), and the EFAIL lesson.
 */
public final class Runs {

    private final Catalog catalog;
    private final Consumer<String> progress;
    private final Map<String, Transcript> asWritten = new HashMap<>();
    private final Map<String, Comparison.Compared> compared = new HashMap<>();
    private EfailReport efail;

    /** @param progress a line as each run starts and ends */
    public Runs(Catalog catalog, Consumer<String> progress) {
        this.catalog = catalog;
        this.progress = progress;
    }

    /** The transcript of the run a claim names: the scenario as written, or one path of its comparison. */
    public Transcript transcript(Claim.Run run) throws Exception {
        if (run.path() == null) {
            Transcript transcript = asWritten.get(run.scenario());
            if (transcript == null) {
                progress.accept("running " + run.scenario() + " ...");
                long started = System.nanoTime();
                transcript = new ScenarioRunner(line -> { }).run(scenario(run.scenario()));
                progress.accept("  done in " + (System.nanoTime() - started) / 1_000_000 + " ms");
                asWritten.put(run.scenario(), transcript);
            }
            return transcript;
        }
        return comparison(run.scenario()).transcripts().get(run.path());
    }

    /** The scenario's comparison, every path it declares. */
    public Comparison.Compared comparison(String name) throws Exception {
        Comparison.Compared comparison = compared.get(name);
        if (comparison == null) {
            progress.accept("comparing " + name + " on every path ...");
            comparison = new Comparison(line -> progress.accept("  " + line.strip())).run(scenario(name));
            compared.put(name, comparison);
        }
        return comparison;
    }

    public EfailReport efail() throws Exception {
        if (efail == null) {
            progress.accept("running the EFAIL lesson ...");
            efail = EfailLesson.run();
        }
        return efail;
    }

    private Scenario scenario(String name) {
        return catalog.scenario(name).orElseThrow(() -> new IllegalStateException(catalog.problem(name)));
    }
}
