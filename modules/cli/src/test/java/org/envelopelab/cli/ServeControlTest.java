package org.envelopelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The served world's door also shows the run's report page. */
class ServeControlTest {

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRunsReportPageIsServedAtThePrintedAddress() throws Exception {
        try (ServeControl control = ServeControl.start(null, home, "<!DOCTYPE html><title>the run</title>")) {
            URI page = control.reportUri().orElseThrow();
            assertThat(page.toString()).matches("http://127\\.0\\.0\\.1:\\d+/report\\.html");

            HttpResponse<String> shown = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).isEqualTo("<!DOCTYPE html><title>the run</title>");
            assertThat(shown.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(shown.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith("default-src 'none'"));

            HttpResponse<String> other = http.send(HttpRequest.newBuilder(page.resolve("/report.html/other")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aWorldServedWithoutRunningItsStepsHasNoReport() throws Exception {
        try (ServeControl control = ServeControl.start(null, home, null)) {
            assertThat(control.reportUri()).isEmpty();
        }
    }
}
