package org.envelopelab.scenario.transcript;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a transcript to a folder as {@code report.json} (the data, for tools and knowledge
 * checks) and {@code report.md} (the same, for people).
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReportWriter() {
    }

    /** Writes both files and returns the Markdown report's path. */
    public static Path write(Transcript transcript, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("report.json"), json(transcript), StandardCharsets.UTF_8);
        Path markdown = folder.resolve("report.md");
        Files.writeString(markdown, markdown(transcript), StandardCharsets.UTF_8);
        return markdown;
    }

    public static String json(Transcript transcript) throws IOException {
        return JSON.writeValueAsString(transcript) + "\n";
    }

    public static String markdown(Transcript t) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(t.title()).append("\n\n");
        if (!t.summary().isBlank()) {
            md.append(t.summary().strip()).append("\n\n");
        }
        long failed = t.expectations().stream().filter(e -> !e.held()).count();
        md.append("- Scenario: `").append(t.source()).append("` (seed ").append(t.seed()).append(", lab clock ")
                .append(t.clock()).append(")\n");
        md.append("- Result: ").append(t.passed() ? "**passed**" : "**FAILED**").append(" - ")
                .append(t.expectations().size() - failed).append(" of ").append(t.expectations().size())
                .append(" expectations held\n\n");

        md.append("## The world\n\n| site | domain | kind |\n|---|---|---|\n");
        t.sites().forEach(site -> md.append(row(site.name(), site.domain(), site.kind())));
        md.append("\n| person | address | site |\n|---|---|---|\n");
        t.people().forEach(person -> md.append(row(person.name() + " (" + person.id() + ")", person.address(), person.site())));

        md.append("\n## What happened\n\n");
        for (Transcript.StepRecord step : t.steps()) {
            md.append(step.number()).append(". **").append(step.kind()).append("** (line ").append(step.line()).append(") - ")
                    .append(step.status()).append("\n\n```text\n")
                    .append(step.narration().stream().map(String::stripTrailing).collect(Collectors.joining("\n")))
                    .append("\n```\n\n");
        }

        md.append("## Who could read what\n\n");
        md.append("Each row is a party that may hold a copy of the message, judged from the bytes it actually held.\n\n");
        for (Transcript.MessageRecord message : t.messages()) {
            md.append("### ").append(message.id()).append(": \"").append(message.subject()).append("\"\n\n");
            md.append("From ").append(message.from()).append(", Message-ID `").append(message.messageId()).append("`.\n\n");
            if (!message.service().isEmpty()) {
                md.append("What the organization's message encryption service did:\n\n");
                message.service().forEach(line -> md.append("- ").append(line).append('\n'));
                md.append('\n');
            }
            md.append("| recipient | outcome |\n|---|---|\n");
            message.outcomes().forEach((recipient, outcome) -> md.append(row(recipient, outcome)));
            md.append("\n| party | held a copy | headers | body | attachments | secrets seen | why |\n|---|---|---|---|---|---|---|\n");
            for (Observation o : message.observations()) {
                md.append(row(o.party().label(), o.held() ? "yes" : "no", ReadabilityTable.word(o.headers()), ReadabilityTable.word(o.body()),
                        ReadabilityTable.word(o.attachments()) + (o.attachmentNames().isEmpty() ? "" : " (" + String.join(", ", o.attachmentNames()) + ")"),
                        o.secretsSeen().isEmpty() ? "-" : String.join(", ", o.secretsSeen()), o.why()));
            }
            md.append('\n');
        }

        md.append("## Expectations\n\n| line | claim | result | evidence |\n|---|---|---|---|\n");
        t.expectations().forEach(e -> md.append(row(String.valueOf(e.line()), e.claim(), e.held() ? "held" : "**FAILED**", e.evidence())));

        md.append("\n## The transport's ledger\n\n");
        md.append("- People's mail: ").append(t.ledger()).append('\n');
        md.append("- Non-delivery reports: ").append(t.reports()).append('\n');
        if (!t.deadLetters().isEmpty()) {
            md.append("\nDead letters:\n\n");
            t.deadLetters().forEach(letter -> md.append("- `").append(letter.messageId()).append("` for ")
                    .append(String.join(", ", letter.recipients())).append(": ").append(letter.reason()).append('\n'));
        }
        return md.toString();
    }

    private static String row(String... cells) {
        return List.of(cells).stream().map(ReportWriter::cell).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }
}
