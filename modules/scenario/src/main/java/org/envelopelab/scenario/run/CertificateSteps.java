package org.envelopelab.scenario.run;

import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Certificates;
import org.envelopelab.routes.senders.Draft;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.smime.client.Protection;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/** The S/MIME certificate steps: exchange by signed mail, publish in the directory, revoke. */
final class CertificateSteps {

    /** How long a certificate exchange waits for its two signed messages. */
    private static final Duration EXCHANGE_SETTLE = Duration.ofSeconds(30);

    private final RunState run;

    CertificateSteps(RunState run) {
        this.run = run;
    }

    /** Each signs a short note to the other; both read it; each client learns the other's certificate. */
    String exchange(Step.ExchangeCertificates exchange) throws Exception {
        String[][] pairs = {{exchange.first(), exchange.second()}, {exchange.second(), exchange.first()}};
        for (String[] pair : pairs) {
            String messageId = "<certificate-exchange." + run.step() + "." + RunState.localPart(pair[0]) + "."
                    + run.scenario.seed() + "@" + RunState.domainOf(pair[0]) + ">";
            run.lab.routes().send(new Draft(pair[0], List.of(pair[1]), List.of(), List.of(), "My certificate",
                    "Hello, this message is signed so that your client keeps my certificate.", "", List.of(),
                    messageId, Protection.signOnly()));
            run.say("    " + pair[0] + " sends " + pair[1] + " a signed message");
        }
        if (!run.lab.routes().awaitSettled(EXCHANGE_SETTLE)) {
            run.say("    the signed messages were not delivered in time");
            return "failed";
        }
        run.lab.clock().advance(MailSteps.SETTLED_MAIL_TAKES);
        boolean learned = true;
        for (String[] pair : pairs) {
            run.observatory.read(pair[1], "INBOX");
            boolean knows = run.lab.smimeClient(pair[1]).addressBook().lookup(pair[0]).isPresent();
            learned &= knows;
            run.say("    " + pair[1] + " reads it: " + (knows ? "their client now holds " + pair[0] + "'s certificate"
                    : "their client did not keep " + pair[0] + "'s certificate"));
        }
        return learned ? "ok" : "failed";
    }

    String publish(Step.PublishCertificate publish) {
        X509Certificate certificate = certificateOf(publish.who());
        run.lab.pki().directory().publish(certificate);
        run.say("    the directory now lists " + Certificates.describe(certificate));
        return "ok";
    }

    String revoke(Step.RevokeCertificate revoke) {
        X509Certificate certificate = certificateOf(revoke.who());
        CertificateAuthority ca = run.lab.pki().issuerOf(certificate).orElseThrow();
        ca.revoke(certificate, CertificateAuthority.RevocationReason.KEY_COMPROMISE);
        run.say("    " + ca.name() + " revoked serial " + certificate.getSerialNumber() + "; its CRL now lists it");
        return "ok";
    }

    private X509Certificate certificateOf(String who) {
        return run.lab.smimeClient(who).credential().orElseThrow().certificate();
    }
}
