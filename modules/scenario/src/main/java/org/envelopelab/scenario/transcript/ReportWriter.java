package org.envelopelab.scenario.transcript;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.envelopelab.people.evidence.Access;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.page.ReportPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a transcript to a folder as {@code report.json} (the data, for tools and knowledge
 * checks), {@code report.md} (the same, for people) and {@code report.html} (the same again, drawn:
 * see {@link ReportPage}). In the JSON every enum is written in
 * lowercase with hyphens ({@code "not-in-copy"}, {@code "portal-session"}, {@code "ok"}) and
 * every time as ISO-8601.
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .registerModule(new SimpleModule("envelope-lab-report")
                    .addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
                        @Override
                        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
                            out.writeString(value.toString());
                        }
                    })
                    .addSerializer(Enum.class, new LowercaseEnums()));

    /** Enums as reports write them: {@code NOT_IN_COPY} becomes {@code not-in-copy}. */
    @SuppressWarnings("rawtypes")
    private static final class LowercaseEnums extends StdSerializer<Enum> {
        LowercaseEnums() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    private ReportWriter() {
    }

    /** Writes the three files (data, Markdown, the page) and returns the Markdown report's path. */
    public static Path write(Transcript transcript, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("report.json"), json(transcript), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("report.html"), ReportPage.html(transcript), StandardCharsets.UTF_8);
        Path markdown = folder.resolve("report.md");
        Files.writeString(markdown, markdown(transcript), StandardCharsets.UTF_8);
        return markdown;
    }

    public static String json(Transcript transcript) throws IOException {
        return json((Object) transcript);
    }

    /** Any of the lab's reports as JSON, written as {@code report.json} is: enums in lowercase, times as ISO-8601. */
    public static String json(Object report) throws IOException {
        return JSON.writeValueAsString(report) + "\n";
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
        md.append("Each row is a party that may hold a copy of the message, judged from the evidence of what it actually")
                .append(" held or was shown (the timeline in `report.json`). Marks:\n\n");
        for (Access access : Access.values()) {
            md.append("- **").append(access.mark()).append("**: ").append(access.meaning()).append('\n');
        }
        md.append('\n');
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
            md.append("\n| party | headers | body | attachments | secrets seen | when | why |\n|---|---|---|---|---|---|---|\n");
            for (Verdict v : message.readers()) {
                md.append(row(v.party().label(), v.headers().mark(), v.body().mark(),
                        v.attachments().mark() + (v.attachmentNames().isEmpty() ? "" : " (" + String.join(", ", v.attachmentNames()) + ")"),
                        v.secrets().isEmpty() ? "-" : String.join(", ", v.secrets()), v.history(), v.why()));
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
