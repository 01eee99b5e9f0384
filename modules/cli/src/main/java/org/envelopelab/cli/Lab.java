package org.envelopelab.cli;

import org.envelopelab.mailnet.MailStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
        subcommands = {RunCommand.class, CompareCommand.class, ValidateCommand.class, ServeCommand.class, AsCommand.class, LoadCommand.class,
            RoutesCommand.class, PkiCommand.class, SmimeCommand.class, BenchCommand.class, QuizCommand.class, NotebookCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done (every expectation held), 1 an expectation failed,",
            "2 bad usage or an invalid scenario, 3 the lab itself failed (LAB_DEBUG=1 shows where).",
            "Try: ./lab run bank-statement"})
public final class Lab implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        MailStreams.nameTheProvider(); // every command parses MIME, most without starting a mail world
        CommandLine commandLine = commandLine();
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(code);
    }

    /** The command line as tests, notebooks and the terminal all use it. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Lab());
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

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version the build stamped into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Lab.class.getResourceAsStream("/lab-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"Envelope Lab " + properties.getProperty("version", "(development build)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
