package org.envelopelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code lab as}: be one of the people of a served world, with their own clients. */
@Command(name = "as", mixinStandardHelpOptions = true,
        description = {"Act as a person of the world 'lab serve' is serving, with their own clients.",
            "  inbox       what their mail client shows: S/MIME opened with their key, the",
            "              service's mail opened with their use license, wrappers with a link",
            "  read N      message N of their INBOX, as their client shows it",
            "  send        --to A[,B] --subject S [--text T] [--smime]",
            "  reply N     --text T [--smime]",
            "  forward N   --to A[,B]",
            "  portal N    the wrapper's link, a one-time passcode from their own mailbox,",
            "              the page (--provider: sign in with their Gmail- or Yahoo-like",
            "              account instead)",
            "Every action adds to the served world's evidence of who could read what, as a",
            "scenario step does."},
        footer = {"", "Exit codes: 0 done; 1 their client, the service or the portal refused (the",
            "answer says why); 2 bad usage, an unknown person or message, or no served",
            "world; 3 the lab failed.",
            "", "Examples:", "  ./lab serve clinic                 (in one terminal)",
            "  ./lab as gina inbox", "  ./lab as gina portal 1", "  ./lab as kim forward 1 --to ivy"})
final class AsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PERSON", description = "who: an id of the world (gina) or an address")
    String person;

    @Parameters(index = "1", paramLabel = "ACTION", description = "inbox, read, send, reply, forward or portal")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "N", description = "the message's number in their INBOX")
    String number;

    @Option(names = "--to", paramLabel = "ADDRESSES", description = "whom to send or forward to, comma-separated")
    String to;

    @Option(names = "--subject", paramLabel = "TEXT", description = "the subject of a new message")
    String subject;

    @Option(names = "--text", paramLabel = "TEXT", description = "the text of a new message or a reply")
    String text;

    @Option(names = "--smime", description = "sign and encrypt with S/MIME (their client needs the recipients' certificates)")
    boolean smime;

    @Option(names = "--provider", description = "in the portal, sign in with their provider's account instead of a passcode")
    boolean provider;

    @Option(names = "--control", paramLabel = "FILE",
            description = "the served world's control file (default: lab-out/serve/control.json in the lab's folder)")
    Path control;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = control != null ? control : ScenarioFiles.home().resolve(ServeControl.FILE);
        if (!Files.isReadable(file)) {
            err.println("lab as: no served world: start one with './lab serve <scenario>' and keep it running ("
                    + file + " is where it says how to reach it)");
            return ExitCodes.INVALID_INPUT;
        }
        JsonNode where = readControl(file);
        if (where == null) {
            err.println("lab as: " + file + " does not say where the served world is (no url and token in it): start "
                    + "the world again with './lab serve <scenario>'");
            return ExitCodes.INVALID_INPUT;
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(where.get("url").asText())).timeout(Duration.ofSeconds(120))
                            .header(ServeControl.TOKEN_HEADER, where.get("token").asText())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                    Map.of("person", person, "action", action, "args", args())))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException gone) {
            err.println("lab as: the served world is gone (nothing answers at " + where.get("url").asText()
                    + "): start it again with './lab serve <scenario>'");
            return ExitCodes.INVALID_INPUT;
        } catch (IOException failed) {
            err.println("lab as: the served world did not answer: " + failed.getMessage());
            return ExitCodes.LAB_FAILED;
        }
        JsonNode answer = JSON.readTree(response.body());
        int exit = answer.get("exit").asInt();
        PrintWriter to = exit == ExitCodes.OK ? out : err;
        answer.get("lines").forEach(line -> to.println(line.asText()));
        return exit;
    }

    private static JsonNode readControl(Path file) {
        try {
            JsonNode where = JSON.readTree(file.toFile());
            return where != null && where.hasNonNull("url") && where.hasNonNull("token") ? where : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private List<String> args() {
        List<String> args = new ArrayList<>();
        if (number != null) {
            args.add(number);
        }
        option(args, "--to", to);
        option(args, "--subject", subject);
        option(args, "--text", text);
        if (smime) {
            args.add("--smime");
        }
        if (provider) {
            args.add("--provider");
        }
        return args;
    }

    private static void option(List<String> args, String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
    }
}
