package org.envelopelab.scenario.page;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.transcript.Transcript;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out one message's journey as a sequence diagram, from the timeline's evidence about it
 * and nothing else: each piece of evidence becomes an arrow (or a note) from the lane the copy
 * came from to the party that held it, or was refused. Lanes, left to right: the sender, the
 * site the message entered, that site's transport with the service's mail-flow step, the other
 * sites, the mailboxes, the readers. The layout is a fixed grid (a lane every {@value #LANE}
 * pixels, a row every {@value #ROW}): a sequence diagram needs no more than that.
 */
final class JourneyDiagram {

    static final int LANE = 168;
    static final int ROW = 46;
    private static final int MARGIN = 12;
    private static final int HEAD = 62;
    /** About the width of one character of the diagram's 12 px sans-serif text. */
    private static final double CHAR = 6.6;
    private static final int LABEL_CHARS = 44;
    private static final int NOTE_CHARS = 110;
    private static final Pattern FORWARDED_BY = Pattern.compile("^(\\S+@\\S+) tried to forward it");
    private static final Pattern RULE = Pattern.compile("^rule-matched \\([^)]*\\): '([^']*)' applied: .*?; so: (.*)$");

    private enum Group { SENDER, ORIGIN_SITE, TRANSPORT, SITE, MAILBOX, READER }

    private record LaneKey(Group group, String who) {
    }

    private record Draft(int step, String style, String label, String sentence, LaneKey from, LaneKey to) {
    }

    private final Transcript transcript;
    private final Transcript.MessageRecord message;
    private final String origin;
    private final Map<LaneKey, String[]> names = new LinkedHashMap<>();
    private final List<Draft> drafts = new ArrayList<>();

    private JourneyDiagram(Transcript transcript, Transcript.MessageRecord message) {
        this.transcript = transcript;
        this.message = message;
        this.origin = message.readers().stream().map(Verdict::party).filter(party -> party.kind() == Party.Kind.SERVICE)
                .map(Party::who).findFirst().orElse(domain(message.from()));
    }

    /** The journey of one message of a run, from the run's timeline. */
    static Journey of(Transcript transcript, Transcript.MessageRecord message) {
        JourneyDiagram diagram = new JourneyDiagram(transcript, message);
        diagram.read(transcript.timeline().stream().filter(evidence -> evidence.message().equals(message.id())).toList());
        return diagram.layout();
    }

    private void read(List<Evidence> evidence) {
        lane(new LaneKey(Group.SENDER, message.from()));
        lane(new LaneKey(Group.ORIGIN_SITE, origin));
        lane(new LaneKey(Group.TRANSPORT, origin));
        Set<String> seen = new HashSet<>();
        for (Evidence entry : evidence) {
            // Holding the same again (a second download of the same wrapper) adds no arrow.
            String key = entry.party().label() + "|" + entry.outcome() + "|" + entry.body() + "|" + entry.through() + "|" + entry.reason();
            if (seen.add(key)) {
                draw(entry);
            }
        }
        replies();
    }

    /**
     * The replies to this message, each where it was written: a later message of the run from one
     * of its recipients back to its sender, "RE:" its subject. Its own journey is drawn after.
     */
    private void replies() {
        for (Transcript.MessageRecord reply : transcript.messages()) {
            boolean answers = reply != message && reply.subject().equalsIgnoreCase("RE: " + message.subject())
                    && recipients(message).stream().anyMatch(reply.from()::equalsIgnoreCase)
                    && recipients(reply).stream().anyMatch(message.from()::equalsIgnoreCase);
            if (!answers) {
                continue;
            }
            Verdict service = reply.readers().stream().filter(verdict -> verdict.party().kind() == Party.Kind.SERVICE)
                    .findFirst().orElse(null);
            int step = transcript.timeline().stream().filter(evidence -> evidence.message().equals(reply.id()))
                    .mapToInt(Evidence::step).min().orElse(0);
            if (service == null || step == 0) {
                continue;
            }
            String to = service.party().who();
            LaneKey where = to.equalsIgnoreCase(origin) ? new LaneKey(Group.TRANSPORT, origin) : site(to);
            int at = 0;
            while (at < drafts.size() && drafts.get(at).step() <= step) {
                at++;
            }
            lane(new LaneKey(Group.READER, Party.recipient(reply.from()).label()));
            lane(where);
            drafts.add(at, new Draft(step, style(service.body()), "replies: '" + reply.id() + "'",
                    reply.from() + " wrote the reply '" + reply.id() + "' (\"" + reply.subject() + "\"); its own journey is drawn"
                            + " below, and it entered the transport at " + to,
                    new LaneKey(Group.READER, Party.recipient(reply.from()).label()), where));
        }
    }

    private void draw(Evidence entry) {
        Party party = entry.party();
        String style = style(entry.body());
        switch (party.kind()) {
            case SENDER -> add(entry.step(), submitted(), "submits it", entry.detail(), new LaneKey(Group.SENDER, party.who()),
                    new LaneKey(Group.ORIGIN_SITE, origin));
            case SERVICE -> {
                if (party.who().equalsIgnoreCase(origin)) {
                    add(entry.step(), style, "into the transport", entry.detail(), new LaneKey(Group.ORIGIN_SITE, origin),
                            new LaneKey(Group.TRANSPORT, origin));
                    add(entry.step(), style, mailFlow(), message.service().isEmpty()
                                    ? "no mail flow rule applied to it: no service's audit log has an entry for this message"
                                    : String.join("; ", message.service()),
                            new LaneKey(Group.TRANSPORT, origin), new LaneKey(Group.TRANSPORT, origin));
                } else {
                    LaneKey site = site(party.who());
                    add(entry.step(), style, "its mail service holds it", entry.detail(), site, site);
                }
            }
            case WIRE -> {
                String[] ends = party.who().replace(" (journal copy)", "").split(" -> ");
                LaneKey from = ends[0].equalsIgnoreCase(origin) ? new LaneKey(Group.TRANSPORT, origin) : site(ends[0]);
                add(entry.step(), style, party.carriedJournalCopy() ? "relays the journal copy" : "relays over SMTP",
                        entry.detail(), from, site(ends[1]));
            }
            case MAILBOX -> add(entry.step(), style, "stores it", entry.detail(), site(domain(party.who())),
                    new LaneKey(Group.MAILBOX, party.who()));
            case RECIPIENT, FORWARDEE, THIEF, LINK_HOLDER -> reader(entry);
        }
    }

    private void reader(Evidence entry) {
        Party party = entry.party();
        LaneKey reader = new LaneKey(Group.READER, party.label());
        LaneKey mailbox = new LaneKey(Group.MAILBOX, party.who());
        LaneKey service = new LaneKey(Group.TRANSPORT, origin);
        switch (entry.outcome()) {
            case HELD -> {
                if (entry.through() == Through.PORTAL_SESSION) {
                    add(entry.step(), "signal", "opens the link in the portal", "follows the wrapper's link to the portal",
                            reader, service);
                    if (entry.detail().contains("passcode")) {
                        add(entry.step(), "signal", "passcode mail", "the portal mails a one-time passcode to "
                                + party.who() + " (never shown in this report)", service, mailbox);
                        add(entry.step(), "signal", "finds the passcode", "the passcode is read from that mailbox", mailbox, reader);
                    }
                    add(entry.step(), style(entry.body()), "the portal shows it", entry.detail(), service, reader);
                } else {
                    add(entry.step(), style(entry.body()), "downloads: " + how(entry.through()), entry.detail(), mailbox, reader);
                }
            }
            case REFUSED -> {
                Matcher forwarder = FORWARDED_BY.matcher(entry.detail());
                boolean forward = forwarder.find();
                LaneKey from = forward ? new LaneKey(Group.READER, Party.recipient(forwarder.group(1)).label()) : reader;
                add(entry.step(), "refused", (forward ? "forward refused: " : "refused: ") + entry.reason(),
                        entry.detail() + ": " + entry.reason(), from, forward ? reader : service);
            }
            case MISSED -> add(entry.step(), "refused", "never reached: " + entry.reason(), entry.detail(), service, reader);
        }
    }

    private static List<String> recipients(Transcript.MessageRecord message) {
        List<String> all = new ArrayList<>(message.to());
        all.addAll(message.cc());
        all.addAll(message.bcc());
        return all;
    }

    /** What crossed at submission: what the transport received, as the service's evidence has it. */
    private String submitted() {
        return transcript.timeline().stream()
                .filter(evidence -> evidence.message().equals(message.id()) && evidence.party().kind() == Party.Kind.SERVICE
                        && evidence.party().who().equalsIgnoreCase(origin) && evidence.outcome() == Evidence.Outcome.HELD)
                .map(evidence -> style(evidence.body())).findFirst().orElse("readable");
    }

    /** The mail-flow step's note: which rule matched and what it applied, from the service's audit lines. */
    private String mailFlow() {
        List<String> rules = new ArrayList<>();
        for (String line : message.service()) {
            Matcher rule = RULE.matcher(line);
            if (rule.find()) {
                rules.add("rule '" + rule.group(1) + "' matched: " + rule.group(2));
            }
        }
        return rules.isEmpty() ? "mail flow: no rule applied" : "mail flow: " + String.join("; ", rules);
    }

    private static String how(Through through) {
        return switch (through) {
            case PLAINTEXT -> "in the clear";
            case SMIME_KEY -> "decrypts with their key";
            case USE_LICENSE -> "opens with a use license";
            case PORTAL_SESSION -> "portal";
            case SERVICE_KEY -> "the service's keys";
            case WRAPPER_ONLY -> "the wrapper only";
            case CIPHERTEXT -> "ciphertext, no key";
        };
    }

    static String style(Access body) {
        return switch (body) {
            case READABLE -> "readable";
            case ENCRYPTED -> "ciphertext";
            case NOT_IN_COPY -> "wrapper";
            case NONE, NEVER -> "signal";
        };
    }

    static String mark(String style) {
        return switch (style) {
            case "readable" -> "readable";
            case "ciphertext" -> "ciphertext";
            case "wrapper" -> "wrapper only";
            case "refused" -> "refused";
            default -> "no content";
        };
    }

    private LaneKey site(String domain) {
        return domain.equalsIgnoreCase(origin) ? new LaneKey(Group.ORIGIN_SITE, origin) : new LaneKey(Group.SITE, domain.toLowerCase(Locale.ROOT));
    }

    private void add(int step, String style, String label, String sentence, LaneKey from, LaneKey to) {
        lane(from);
        lane(to);
        drafts.add(new Draft(step, style, label, sentence, from, to));
    }

    private void lane(LaneKey key) {
        names.computeIfAbsent(key, this::name);
    }

    /** The lane's head: what it is, and its name on two lines. */
    private String[] name(LaneKey key) {
        return switch (key.group()) {
            case SENDER -> split("sender", key.who());
            case ORIGIN_SITE, SITE -> new String[] {"site " + siteName(key.who()), key.who(), ""};
            case TRANSPORT -> new String[] {"transport + service", key.who(), ""};
            case MAILBOX -> split("mailbox", key.who());
            case READER -> reader(key.who());
        };
    }

    private static String[] reader(String label) {
        for (String kind : List.of("recipient ", "forwardee ", "non-recipient with the link ")) {
            if (label.startsWith(kind)) {
                return split(kind.strip().replace("non-recipient with the link", "has only the link"), label.substring(kind.length()));
            }
        }
        if (label.startsWith("thief holding ")) {
            String victim = label.substring("thief holding ".length(), label.length() - "'s mailbox".length());
            return split("thief of mailbox", victim);
        }
        return new String[] {"reader", label, ""};
    }

    private static String[] split(String kind, String address) {
        int at = address.indexOf('@');
        return at < 0 ? new String[] {kind, address, ""} : new String[] {kind, address.substring(0, at + 1), address.substring(at + 1)};
    }

    private String siteName(String domain) {
        return transcript.sites().stream().filter(site -> site.domain().equalsIgnoreCase(domain)).map(Transcript.SiteRecord::name)
                .findFirst().orElse("");
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private Journey layout() {
        List<LaneKey> order = new ArrayList<>(names.keySet());
        order.sort((a, b) -> Integer.compare(a.group().ordinal(), b.group().ordinal()));
        Map<LaneKey, Integer> xs = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            xs.put(order.get(i), MARGIN + LANE / 2 + i * LANE);
        }
        int width = 2 * MARGIN + order.size() * LANE;
        int top = MARGIN + HEAD;
        List<Journey.Row> rows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            int y = top + ROW * (i + 1);
            int x1 = xs.get(draft.from());
            int x2 = xs.get(draft.to());
            String words = lanesWords(draft.from());
            String toWords = lanesWords(draft.to());
            boolean note = draft.from().equals(draft.to());
            // A note and a refusal's reason get the room they need; other arrows say it short, the list says it all.
            String text = clip(draft.label(), note || draft.style().equals("refused") ? NOTE_CHARS : LABEL_CHARS);
            String label = draft.step() + ". " + text;
            if (note) {
                int boxWidth = (int) Math.ceil((label.length() + mark(draft.style()).length() + 3) * CHAR) + 16;
                int boxX = Math.max(MARGIN, Math.min(x1 - 20, width - MARGIN - boxWidth));
                width = Math.max(width, boxX + boxWidth + MARGIN);
                rows.add(new Journey.Row(draft.step(), draft.style(), mark(draft.style()), draft.label(), label, draft.sentence(), words, toWords,
                        true, y, x1, x2, boxX + 8, y + 4, boxX, boxWidth));
            } else {
                int half = (int) Math.ceil((label.length() + mark(draft.style()).length() + 3) * CHAR / 2);
                int textX = Math.max(MARGIN + half, Math.min((x1 + x2) / 2, width - MARGIN - half));
                int shorten = x2 > x1 ? -6 : 6;
                rows.add(new Journey.Row(draft.step(), draft.style(), mark(draft.style()), draft.label(), label, draft.sentence(), words, toWords,
                        false, y, x1, x2 + shorten, textX, y - 7, 0, 0));
            }
        }
        int bottom = top + ROW * (drafts.size() + 1) - ROW / 2;
        List<Journey.Lane> lanes = new ArrayList<>();
        for (LaneKey key : order) {
            String[] name = names.get(key);
            int x = xs.get(key);
            lanes.add(new Journey.Lane(name[0], name[1], name[2], x, x - LANE / 2 + 6, top, bottom));
        }
        return new Journey("journey-" + message.id(), message.id(), message.subject(), message.from(), width, bottom + MARGIN,
                lanes, rows);
    }

    private String lanesWords(LaneKey key) {
        String[] name = names.get(key);
        return name[0] + " " + name[1] + name[2];
    }

    private static String clip(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1).stripTrailing() + "…";
    }
}
