package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ScenarioParser;
import org.envelopelab.scenario.transcript.ReportWriter;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.service.portal.SignIn;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.wrapper.WrapperMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of the outside tester: run a second copy of the lab from the same scenario and use
 * what it hands out to sign in to the first. The seed decides the story only, so the twin shares
 * no link token, passcode, reference code, session id, content key or portal cookie — yet both
 * write the same report.
 */
class TwinWorldTest {

    private static final Path INSURANCE = Path.of("../../scenarios/insurance.yaml");
    private static final String DAVE = "dave@yahoo.example";
    private static final Pattern PASSCODE = Pattern.compile("(?m)^ {4}(\\d{8})\\r?$");
    private static final Pattern REFERENCE = Pattern.compile("Reference: ([A-Z]{4})");
    private static final Pattern VISIT_COOKIE = Pattern.compile("portal_visit=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** What one world handed out that an attacker would like to predict. */
    private record Secrets(String token, List<String> passcodes, List<String> references, String sessionId,
                           String contentKey, String visitCookie, String csrf, String report) {
    }

    @Test
    void aSecondCopyOfTheLabBuiltFromTheSameScenarioPredictsNoSecretOfTheFirst() throws Exception {
        Scenario insurance = ScenarioParser.parse(INSURANCE);
        Secrets first = secretsOf(insurance);
        Secrets twin = secretsOf(insurance);

        assertThat(first.passcodes()).isNotEmpty();
        assertThat(twin.token()).isNotEqualTo(first.token());
        assertThat(twin.passcodes()).doesNotContainAnyElementsOf(first.passcodes());
        assertThat(twin.references()).doesNotContainAnyElementsOf(first.references());
        assertThat(twin.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(twin.contentKey()).isNotEqualTo(first.contentKey());
        assertThat(twin.visitCookie()).isNotEqualTo(first.visitCookie());
        assertThat(twin.csrf()).isNotEqualTo(first.csrf());
        assertThat(twin.report()).as("the story, and so the report, still reproduces").isEqualTo(first.report());
    }

    private static Secrets secretsOf(Scenario scenario) throws Exception {
        try (LabWorld lab = LabWorld.start(scenario, 0)) {
            Transcript transcript = new ScenarioRunner(line -> { }).run(scenario, lab);
            assertThat(transcript.passed()).as(transcript.expectations().toString()).isTrue();

            List<StoredMail> inbox = lab.mail().site("yahoo.example").mailbox(DAVE).inbox();
            String link = null;
            List<String> passcodes = new ArrayList<>();
            List<String> references = new ArrayList<>();
            for (StoredMail mail : inbox) {
                String text = new String(mail.raw(), StandardCharsets.UTF_8);
                link = WrapperMessage.portalLink(mail.raw()).map(URI::toString).orElse(link);
                collect(PASSCODE, text, passcodes);
                collect(REFERENCE, text, references);
            }
            assertThat(link).as("dave's wrapper link").isNotNull();
            String token = link.substring(link.lastIndexOf('/') + 1);

            LabService service = lab.service().orElseThrow();
            ProtectionService protection = service.protection();
            String contentKey = HexFormat.of().formatHex(protection.licenseForPortal(token, DAVE).contentKey().getEncoded());
            String sessionId = ((SignIn.Accepted) service.portal().signInWithProvider(token, DAVE, () -> true)).session().id();

            HttpResponse<String> landing = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String visit = first(VISIT_COOKIE, String.join(";", landing.headers().allValues("Set-Cookie")));
            String csrf = first(CSRF, landing.body());
            return new Secrets(token, passcodes, references, sessionId, contentKey, visit, csrf, ReportWriter.json(transcript));
        }
    }

    private static void collect(Pattern pattern, String text, List<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }
}
