package org.envelopelab.scenario.script;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.envelopelab.scenario.script.PartyRef.Kind;
import org.envelopelab.scenario.script.World.Organization;
import org.envelopelab.scenario.script.World.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Scripts that are right become the model a runner trusts, with every default filled in. */
class ScenarioParserTest {

    private static final Path HERE = Path.of("lessons");

    private static final String BANK = """
            scenario: A card statement by plain email
            summary: Alice mails Carol her statement; everyone on the way can read it.
            seed: 42
            clock: 2026-03-02T10:30:00Z
            world:
              organization:
                name: Contoso Bank
                domain: Contoso.Example
                users:
                  alice: { name: Alice Adams }
                  bob: { name: Bob Brown, password: hunter2 }
            steps:
              - note: Alice sends the March statement.
              - send:
                  id: statement
                  from: alice
                  to: carol
                  cc: [bob]
                  subject: Your March statement
                  text: "Card 4111 1111 1111 1111: balance 120.00"
                  attachments:
                    - name: statement.csv
                      content: "date,amount\\n2026-03-01,120.00\\n"
                    - { name: logo.png, type: image/png, content: not really a png }
                  secrets:
                    card number: 4111 1111 1111 1111
              - send:
                  from: alice@contoso.example
                  to: Carol@Gmail.Example
                  bcc: nobody@gmail.example
                  subject: Reminder
                  html: <p>Please pay</p>
              - wait: delivery
              - wait: { timeout: 2m }
              - read: carol
              - read: { who: bob, folder: Archive }
              - expect: { mailbox: carol, holds: statement }
              - expect:
                  mailbox: carol@gmail.example
                  folder: Junk
                  lacks: { subject: Reminder }
              - expect:
                  message: statement
                  party: mailbox of carol
                  can-read: [headers, body, card number]
              - expect: { message: statement, party: wire, cannot-read: attachments }
              - expect: { message: m2, party: bob, can-read: headers, cannot-read: body }
              - expect: { message: m2, party: sender, can-read: body }
              - expect: { message: m2, party: service, can-read: body }
              - expect:
                  message: m2
                  delivered-to: carol
                  bounced-for: [nobody@gmail.example]
            """;

    @Test
    void aFullScenarioBecomesTheModelWithDefaultsFilledIn() throws Exception {
        Scenario scenario = ScenarioParser.parse("bank.yaml", BANK, HERE);

        World defaults = DefaultWorld.get();
        World world = new World(
                new Organization("Contoso Bank", "contoso.example", List.of(
                        new Person("alice", "Alice Adams", "alice@contoso.example", null),
                        new Person("bob", "Bob Brown", "bob@contoso.example", "hunter2"))),
                defaults.providers(),
                defaults.people());
        Step.Attachment csv = new Step.Attachment("statement.csv", "text/csv",
                "date,amount\n2026-03-01,120.00\n".getBytes(StandardCharsets.UTF_8));
        Step.Attachment png = new Step.Attachment("logo.png", "image/png",
                "not really a png".getBytes(StandardCharsets.UTF_8));
        Scenario expected = new Scenario("bank.yaml", "A card statement by plain email",
                "Alice mails Carol her statement; everyone on the way can read it.", 42,
                Instant.parse("2026-03-02T10:30:00Z"), world, List.of(), null, List.of(
                new Step.Note(13, "Alice sends the March statement."),
                new Step.Send(14, "statement", "alice@contoso.example", List.of("carol@gmail.example"),
                        List.of("bob@contoso.example"), List.of(), "Your March statement",
                        "Card 4111 1111 1111 1111: balance 120.00", "", List.of(csv, png),
                        Map.of("card number", "4111 1111 1111 1111"), null, null),
                new Step.Send(27, "m2", "alice@contoso.example", List.of("carol@gmail.example"), List.of(),
                        List.of("nobody@gmail.example"), "Reminder", "", "<p>Please pay</p>", List.of(), Map.of(), null, null),
                new Step.Wait(33, Duration.ofSeconds(30)),
                new Step.Wait(34, Duration.ofMinutes(2)),
                new Step.Read(35, "carol@gmail.example", "INBOX"),
                new Step.Read(36, "bob@contoso.example", "Archive"),
                new Step.ExpectMailbox(37, "carol@gmail.example", "INBOX", "statement", null, true),
                new Step.ExpectMailbox(38, "carol@gmail.example", "Junk", null, "Reminder", false),
                new Step.ExpectParty(42, "statement", new PartyRef(Kind.MAILBOX, "carol@gmail.example"),
                        List.of("headers", "body", "card number"), List.of()),
                new Step.ExpectParty(46, "statement", PartyRef.of(Kind.WIRE), List.of(), List.of("attachments")),
                new Step.ExpectParty(47, "m2", new PartyRef(Kind.RECIPIENT, "bob@contoso.example"),
                        List.of("headers"), List.of("body")),
                new Step.ExpectParty(48, "m2", PartyRef.of(Kind.SENDER), List.of("body"), List.of()),
                new Step.ExpectParty(49, "m2", PartyRef.of(Kind.SERVICE), List.of("body"), List.of()),
                new Step.ExpectOutcome(50, "m2", List.of("carol@gmail.example"), List.of("nobody@gmail.example"))), List.of(DeliveryPath.values()), List.of());

        assertThat(scenario).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    void aScenarioWithoutWorldSeedOrClockRunsInTheDefaults() throws Exception {
        Scenario scenario = ScenarioParser.parse("short.yaml", """
                scenario: Hello
                steps:
                  - send: { from: dave, to: erin, subject: Hi }
                """, HERE);

        assertThat(scenario.world()).isEqualTo(DefaultWorld.get());
        assertThat(scenario.seed()).isEqualTo(1);
        assertThat(scenario.clock()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(scenario.summary()).isEmpty();
        assertThat(scenario.sends()).singleElement().satisfies(send -> {
            assertThat(send.id()).isEqualTo("m1");
            assertThat(send.from()).isEqualTo("dave@yahoo.example");
            assertThat(send.to()).containsExactly("erin@outlook.example");
            assertThat(send.text()).isEmpty();
            assertThat(send.html()).isEmpty();
        });
    }

    @Test
    void aWorldThatDeclaresItsOwnPeopleAndProvidersReplacesThoseSections() throws Exception {
        Scenario scenario = ScenarioParser.parse("own.yaml", """
                scenario: Another provider
                world:
                  providers:
                    - { name: Hotmail, domain: HOTMAIL.example, kind: outlook }
                  people:
                    gina: { name: Gina Green, address: Gina@Hotmail.example, password: s3cret }
                steps:
                  - send: { from: alice, to: gina, subject: Hi }
                """, HERE);

        World world = scenario.world();
        assertThat(world.organization()).isEqualTo(DefaultWorld.get().organization());
        assertThat(world.providers()).containsExactly(new World.Provider("Hotmail", "hotmail.example", "outlook"));
        assertThat(world.people()).containsExactly(new Person("gina", "Gina Green", "gina@hotmail.example", "s3cret"));
        assertThat(scenario.sends().get(0).to()).containsExactly("gina@hotmail.example");
    }

    @Test
    void attachmentFilesAreReadRelativeToTheScriptsFolder(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("statement.csv"), "card,amount\n4111 1111 1111 1111,120.00\n");
        Files.write(folder.resolve("scan.bin"), new byte[] {1, 2, 3});
        Path script = Files.writeString(folder.resolve("statement.yaml"), """
                scenario: Statement as a file
                steps:
                  - send:
                      from: alice
                      to: carol
                      subject: Your statement
                      attachments:
                        - { name: statement.csv, file: statement.csv }
                        - { name: scan.bin, file: scan.bin }
                        - { name: notes.txt, type: text/markdown, content: "# notes" }
                      secrets: { card number: 4111 1111 1111 1111 }
                """);

        Scenario scenario = ScenarioParser.parse(script);

        assertThat(scenario.source()).isEqualTo(script.toString());
        List<Step.Attachment> attachments = scenario.sends().get(0).attachments();
        assertThat(attachments).extracting(Step.Attachment::name, Step.Attachment::contentType).containsExactly(
                tuple("statement.csv", "text/csv"),
                tuple("scan.bin", "application/octet-stream"),
                tuple("notes.txt", "text/markdown"));
        assertThat(new String(attachments.get(0).content(), StandardCharsets.UTF_8))
                .isEqualTo("card,amount\n4111 1111 1111 1111,120.00\n");
        assertThat(attachments.get(1).content()).containsExactly(1, 2, 3);
    }

    @Test
    void aSecretOnlyInABinaryAttachmentDoesNotCount() {
        String yaml = """
                scenario: Hidden secret
                steps:
                  - send:
                      from: alice
                      to: carol
                      subject: Your statement
                      attachments:
                        - { name: card.pdf, content: 4111 1111 1111 1111 }
                      secrets: { card number: 4111 1111 1111 1111 }
                """;

        InvalidScenarioException invalid = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioParser.parse("hidden.yaml", yaml, HERE));

        assertThat(invalid.getMessage())
                .isEqualTo("hidden.yaml:9: secret 'card number' appears only in card.pdf (application/pdf): the lab looks"
                        + " for secrets in the subject, the body and text attachments only, so no party could ever be"
                        + " found to read it");
    }

    @Test
    void aScriptThatIsNotThereIsReportedByName(@TempDir Path folder) {
        Path missing = folder.resolve("missing.yaml");

        InvalidScenarioException invalid = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioParser.parse(missing));

        assertThat(invalid.problems()).containsExactly(new Problem(missing.toString(), 1, "the file does not exist"));
    }

    @Test
    void theExampleInTheFormatDocumentationIsAValidScenario() throws Exception {
        Path readme = Path.of("../../scenarios/README.md");
        String markdown = Files.readString(readme);
        int start = markdown.indexOf("```yaml\n") + "```yaml\n".length();
        String example = markdown.substring(start, markdown.indexOf("```", start));

        Scenario scenario = ScenarioParser.parse("README example", example, readme.getParent());

        assertThat(scenario.title()).isEqualTo("A card statement sent in the clear");
        assertThat(scenario.send("statement")).hasValueSatisfying(send ->
                assertThat(send.secrets()).containsEntry("card number", "4111 1111 1111 1111"));
    }

    @Test
    void aProblemPrintsAsFileLineMessage() {
        assertThat(new Problem("scenarios/bank.yaml", 7, "duplicate key 'to'"))
                .hasToString("scenarios/bank.yaml:7: duplicate key 'to'");
    }
}
