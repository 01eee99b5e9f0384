package org.envelopelab.scenario.run;

import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one run knows while it runs, shared by the step handlers: the world, what each party
 * saw, the messages it follows (by the script's ids, with their Message-IDs), and the narration
 * of the step under way.
 */
final class RunState {

    final Scenario scenario;
    final LabWorld lab;
    final Observatory observatory;
    /** The script's message id to the Message-ID header it was sent with. */
    final Map<String, String> messageIds = new LinkedHashMap<>();
    /** Every message the run follows, by id: the script's sends, and replies written in the portal. */
    final Map<String, Step.Send> sends = new LinkedHashMap<>();
    private final Consumer<String> progress;
    private List<String> narration = new ArrayList<>();
    private int step;

    RunState(Scenario scenario, LabWorld lab, Consumer<String> progress) {
        this.scenario = scenario;
        this.lab = lab;
        this.progress = progress;
        this.observatory = new Observatory(lab);
        scenario.sends().forEach(send -> sends.put(send.id(), send));
    }

    /** Starts narrating a new step. */
    void beginStep(int number) {
        step = number;
        narration = new ArrayList<>();
    }

    /** The number of the step under way (1-based). */
    int step() {
        return step;
    }

    List<String> narration() {
        return List.copyOf(narration);
    }

    void say(String line) {
        narration.add(line);
        progress.accept(line);
    }

    /** Starts following a message under a script id. */
    void follow(Step.Send send, String messageId) {
        sends.put(send.id(), send);
        messageIds.put(send.id(), messageId);
    }

    /** Judges an action that was or was not refused against what the script expected ({@code fails-with}). */
    String judge(boolean refused, String refusal, String failsWith, String who) {
        if (refused) {
            say("    " + who + " refused: " + refusal);
            if (failsWith == null) {
                return "failed";
            }
            boolean expected = refusal.contains(failsWith);
            say("    " + (expected ? "ok -- refused as the scenario expects"
                    : "FAILED -- the scenario expected a refusal containing \"" + failsWith + "\""));
            return expected ? "ok" : "failed";
        }
        if (failsWith != null) {
            say("    FAILED -- it worked, but the scenario expected a refusal containing \"" + failsWith + "\"");
            return "failed";
        }
        return "ok";
    }

    static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    static String localPart(String address) {
        return address.substring(0, address.indexOf('@'));
    }
}
