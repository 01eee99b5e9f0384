package org.envelopelab.cli;

import org.envelopelab.mailnet.MailStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code lab} command: run, validate and serve scenarios, and show the wiring.
 */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = Lab.Version.class,
        description = {
            "Envelope Lab: a small, real mail world on this machine for learning email encryption.",
            "Run a scenario to see who could read what; serve a world to look into its mailboxes."
        },
        footer = {"", "Exit codes: 0 done (every expectation held), 1 an expectation failed,",
            "2 bad usage or an invalid scenario, 3 the lab itself failed (LAB_DEBUG=1 shows where).",
            "Try: ./lab run bank-statement"})
public final class Lab implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The subcommands, in the order help lists them. Each is a class picocli reads by reflection
     * with all its options and nested commands: a command line with only the one being run starts
     * in a fraction of the time (see {@link #commandLineFor}).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli prints for --version, without building the command line: a tenth of a second.
            PrintWriter out = new PrintWriter(System.out);
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            System.exit(ExitCodes.OK);
        }
        MailStreams.nameTheProvider(); // every command parses MIME, most without starting a mail world
        CommandLine commandLine = commandLineFor(args);
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(code);
    }

    /** The command line as tests, notebooks and the terminal all use it: every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet().toArray(String[]::new));
    }

    /**
     * The command line the terminal runs for these arguments: the same as {@link #commandLine()},
     * but with only the subcommand the first argument names ({@code lab smime ...}: smime alone),
     * and every one otherwise (help, a mistyped command, no arguments), so what a person sees is the
     * same either way.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return commandLine(args[0]);
        }
        return commandLine();
    }

    private static CommandLine commandLine(String... subcommands) {
        CommandLine commandLine = new CommandLine(new Lab());
        for (String name : subcommands) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (exception instanceof BadInput) {
                err.println("lab: " + exception.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            err.println("lab: " + ExitCodes.oneLine(exception));
            if (System.getenv("LAB_DEBUG") != null) {
                exception.printStackTrace(err);
            } else {
                err.println("lab: (set LAB_DEBUG=1 to see where it failed)");
            }
            return ExitCodes.LAB_FAILED;
        });
        return commandLine;
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand.class);
        commands.put("compare", CompareCommand.class);
        commands.put("validate", ValidateCommand.class);
        commands.put("serve", ServeCommand.class);
        commands.put("as", AsCommand.class);
        commands.put("load", LoadCommand.class);
        commands.put("routes", RoutesCommand.class);
        commands.put("pki", PkiCommand.class);
        commands.put("smime", SmimeCommand.class);
        commands.put("bench", BenchCommand.class);
        commands.put("quiz", QuizCommand.class);
        commands.put("notebook", NotebookCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return commands;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The version the build stamped into the jar, the Java that runs it and where it lives, and the
     * start-up archive the {@code lab} launcher chose ({@code -Dlab.jdk.choice},
     * {@code -Dlab.archive}; absent when the jar is run with {@code java -jar} directly).
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Lab.class.getResourceAsStream("/lab-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            String choice = System.getProperty("lab.jdk.choice");
            String archive = System.getProperty("lab.archive");
            return new String[] {"Envelope Lab " + properties.getProperty("version", "(development build)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") in "
                        + System.getProperty("java.home") + (choice == null ? "" : ": " + choice),
                "Start-up archive: " + (archive == null ? "none (the ./lab launcher makes and uses one)" : archive)};
        }
    }
}
