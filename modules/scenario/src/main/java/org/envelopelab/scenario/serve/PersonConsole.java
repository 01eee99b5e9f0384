package org.envelopelab.scenario.serve;

import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.people.Act;
import org.envelopelab.people.Person;
import org.envelopelab.people.browser.Browser;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.writing.Draft;
import org.envelopelab.scenario.run.LabWorld;
import org.envelopelab.smime.client.Protection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code lab as <person> <action>} in a served world: acts as that person, with that person's
 * own clients, and answers with what their client shows. Each action appends its evidence to the
 * world's timeline, as a scenario step does. Actions: {@code inbox}, {@code read N},
 * {@code send --to A --subject S --text T [--smime]}, {@code reply N --text T},
 * {@code forward N --to A}, {@code portal N [--provider]}.
 */
public final class PersonConsole {

    /** A request the person cannot make, in one sentence: bad usage, not a defect. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Something the person's client, the service or the portal refused to do: an answer, not a mistake. */
    public static final class Declined extends Exception {
        public Declined(String message) {
            super(message);
        }
    }

    /** How long a send waits for the transport to deliver it before answering, as a scenario's {@code wait} does. */
    private static final Duration SETTLING = Duration.ofSeconds(30);

    public static final List<String> ACTIONS = List.of("inbox", "read", "send", "reply", "forward", "portal");

    private final LabWorld lab;
    private final AtomicInteger sent = new AtomicInteger();

    public PersonConsole(LabWorld lab) {
        this.lab = lab;
    }

    /** Does the action and returns what the person's client shows, line by line. */
    public synchronized List<String> act(String who, String action, List<String> args) throws Exception {
        Person person = lab.people().find(who)
                .or(() -> lab.world().everyone().stream().filter(p -> p.id().equals(who)).findFirst()
                        .flatMap(p -> lab.people().find(p.address())))
                .orElseThrow(() -> new Refused("no person '" + who + "' in this world (people: " + String.join(", ",
                        lab.world().everyone().stream().map(p -> p.id()).toList()) + ")"));
        Arguments arguments = new Arguments(args);
        lab.timeline().beginStep(lab.timeline().step() + 1);
        return switch (action) {
            case "inbox" -> inbox(person);
            case "read" -> read(person, arguments.number());
            case "send" -> send(person, arguments);
            case "reply" -> reply(person, arguments);
            case "forward" -> forward(person, arguments);
            case "portal" -> portal(person, arguments);
            default -> throw new Refused("unknown action '" + action + "' (actions: " + String.join(", ", ACTIONS) + ")");
        };
    }

    private List<String> inbox(Person person) throws Exception {
        Act.Read read = person.read("INBOX");
        List<String> lines = new ArrayList<>();
        lines.add(person + ": INBOX, " + read.messages().size() + (read.messages().size() == 1 ? " message" : " messages"));
        int number = 0;
        for (Act.Opened opened : read.messages()) {
            MailSummary summary = opened.mail().summary();
            lines.add(String.format("%3d  %-40s  from %s", ++number, quote(summary.subject()), summary.from().replace("\"", "")));
            opened.notes().forEach(note -> lines.add("       " + note));
        }
        return lines;
    }

    private List<String> read(Person person, int number) throws Exception {
        Act.Opened opened = message(person, number);
        List<String> lines = new ArrayList<>(opened.notes());
        if (opened.readable() == null) {
            lines.add(opened.notes().stream().anyMatch(note -> note.startsWith("a wrapper"))
                    ? "Only a wrapper: read it in the portal with 'lab as " + person.address() + " portal " + number + "'."
                    : "Their client cannot show this message.");
            return lines;
        }
        MailSummary shown = MailSummary.parse(opened.readable());
        lines.add("From: " + shown.from());
        lines.add("Subject: " + shown.subject());
        lines.add("");
        lines.addAll(ShownText.of(opened.readable()));
        return lines;
    }

    private List<String> send(Person person, Arguments arguments) throws Exception {
        List<String> to = addresses(arguments.list("--to"));
        String subject = arguments.required("--subject");
        String text = arguments.value("--text").orElse("");
        String id = "as-" + sent.incrementAndGet();
        String messageId = "<" + id + "." + lab.clock().millis() + "@" + domainOf(person.address()) + ">";
        Draft draft = new Draft(person.address(), to, List.of(), List.of(), subject, text, "", List.of(), messageId,
                arguments.flag("--smime") ? Protection.signAndEncrypt() : null);
        lab.timeline().follow(new Followed(id, messageId, person.address(), domainOf(person.address()), to, Map.of(), false,
                lab.timeline().step()));
        Act act = person.send(draft);
        if (act instanceof Act.Refused refused) {
            lab.timeline().unfollow(messageId);
            throw new Declined(refused.by() + " refused: " + refused.reason());
        }
        Act.Sent done = (Act.Sent) act;
        // Answer once the transport has delivered it, so the next `lab as` finds it in the recipient's inbox.
        lab.routes().awaitSettled(SETTLING);
        return List.of("Sent " + quote(subject) + " to " + String.join(", ", to) + " as '" + id + "' "
                + (done.protection().isEmpty() ? "(no S/MIME)" : "(" + done.protection() + ")"));
    }

    private List<String> reply(Person person, Arguments arguments) throws Exception {
        Act.Opened original = message(person, arguments.number());
        MailSummary summary = MailSummary.parse(original.readable() != null ? original.readable() : original.mail().raw());
        String to = summary.from().replaceAll(".*<([^>]+)>.*", "$1");
        Arguments send = new Arguments(List.of("--to", to, "--subject", "RE: " + summary.subject(),
                "--text", arguments.value("--text").orElse("")));
        return send(person, arguments.flag("--smime") ? send.with("--smime") : send);
    }

    private List<String> forward(Person person, Arguments arguments) throws Exception {
        Act.Opened original = message(person, arguments.number());
        Act act = person.forward(original.mail().summary().messageId(), addresses(arguments.list("--to")));
        if (act instanceof Act.Refused refused) {
            throw new Declined(refused.by() + " refused: " + refused.reason());
        }
        Act.Forwarded forwarded = (Act.Forwarded) act;
        return List.of("Forwarded to " + String.join(", ", forwarded.to()) + ": " + forwarded.how());
    }

    private List<String> portal(Person person, Arguments arguments) throws Exception {
        Act.Opened original = message(person, arguments.number());
        List<String> lines = new ArrayList<>();
        Act.PortalVisit visit = person.visitPortal(original.mail().summary().messageId(),
                arguments.flag("--provider") ? Browser.SignInBy.PROVIDER : Browser.SignInBy.PASSCODE, null, null,
                line -> lines.add(line.strip()));
        if (visit.shown() == null) {
            throw new Declined(String.join("\n", lines) + (lines.isEmpty() ? "" : "\n") + "The portal refused: " + visit.refusal());
        }
        lines.add("");
        lines.add("From: " + visit.shown().from());
        lines.add("Subject: " + visit.shown().subject());
        lines.add("");
        lines.addAll(visit.shown().text().lines().toList());
        visit.shown().attachments().forEach(file -> lines.add("[attached: " + file.name() + "]"));
        return lines;
    }

    /** Recipients as given: a person's id of this world (ivy) or any address (someone@gmail.example). */
    private List<String> addresses(List<String> given) throws Refused {
        List<String> addresses = new ArrayList<>();
        for (String who : given) {
            if (who.contains("@")) {
                addresses.add(who);
                continue;
            }
            addresses.add(lab.world().everyone().stream().filter(p -> p.id().equals(who)).findFirst()
                    .orElseThrow(() -> new Refused("no person '" + who + "' in this world to send to (give an id: "
                            + String.join(", ", lab.world().everyone().stream().map(p -> p.id()).toList())
                            + ", or an address)")).address());
        }
        return addresses;
    }

    /** The Nth message of the person's INBOX, as their client opened it. */
    private Act.Opened message(Person person, int number) throws Exception {
        List<Act.Opened> inbox = person.read("INBOX").messages();
        if (number < 1 || number > inbox.size()) {
            throw new Refused(person.address() + "'s INBOX has " + inbox.size() + (inbox.size() == 1 ? " message" : " messages")
                    + "; there is no message " + number + " (see 'inbox')");
        }
        return inbox.get(number - 1);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    /** An action's arguments: a message number, and {@code --name value} options. */
    private record Arguments(List<String> args) {

        int number() throws Refused {
            String first = args.stream().filter(arg -> !arg.startsWith("--")).findFirst()
                    .orElseThrow(() -> new Refused("which message? give its number in the INBOX (see 'inbox')"));
            try {
                return Integer.parseInt(first);
            } catch (NumberFormatException e) {
                throw new Refused("'" + first + "' is not a message number (see 'inbox')");
            }
        }

        java.util.Optional<String> value(String name) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? java.util.Optional.of(args.get(at + 1)) : java.util.Optional.empty();
        }

        String required(String name) throws Refused {
            return value(name).orElseThrow(() -> new Refused("missing " + name));
        }

        List<String> list(String name) throws Refused {
            return List.of(required(name).split("\\s*,\\s*"));
        }

        boolean flag(String name) {
            return args.contains(name);
        }

        Arguments with(String extra) {
            List<String> more = new ArrayList<>(args);
            more.add(extra);
            return new Arguments(more);
        }
    }
}
