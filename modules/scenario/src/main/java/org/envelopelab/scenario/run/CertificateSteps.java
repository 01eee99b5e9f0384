package org.envelopelab.scenario.run;

import org.envelopelab.people.Act;
import org.envelopelab.people.Person;
import org.envelopelab.people.writing.Draft;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Certificates;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.smime.client.Protection;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/** The S/MIME certificate steps: exchange by signed mail, publish in the directory, revoke. */
public final class CertificateSteps {

    /** How long a certificate exchange waits for its two signed messages. */
    private static final Duration EXCHANGE_SETTLE = Duration.ofSeconds(30);

    private CertificateSteps() {
    }

    /** Each signs a short note to the other; both read it; each client learns the other's certificate. */
    public static Status exchange(Stage stage, Step.ExchangeCertificates exchange) throws Exception {
        stage.headline(exchange.first() + " and " + exchange.second() + " exchange certificates by signed mail");
        String[][] pairs = {{exchange.first(), exchange.second()}, {exchange.second(), exchange.first()}};
        for (String[] pair : pairs) {
            String messageId = "<certificate-exchange." + stage.step() + "." + Stage.localPart(pair[0]) + "."
                    + stage.scenario().seed() + "@" + Stage.domainOf(pair[0]) + ">";
            Act sent = stage.person(pair[0]).send(new Draft(pair[0], List.of(pair[1]), List.of(), List.of(), "My certificate",
                    "Hello, this message is signed so that your client keeps my certificate.", "", List.of(),
                    messageId, Protection.signOnly()));
            if (sent instanceof Act.Refused refused) {
                stage.say("    " + refused.by() + " refused: " + refused.reason());
                return Status.FAILED;
            }
            stage.say("    " + pair[0] + " sends " + pair[1] + " a signed message");
        }
        if (!stage.lab().routes().awaitSettled(EXCHANGE_SETTLE)) {
            stage.say("    the signed messages were not delivered in time");
            return Status.FAILED;
        }
        stage.lab().clock().advance(MailSteps.SETTLED_MAIL_TAKES);
        boolean learned = true;
        for (String[] pair : pairs) {
            Person reader = stage.person(pair[1]);
            reader.read("INBOX");
            boolean knows = reader.smime().addressBook().lookup(pair[0]).isPresent();
            learned &= knows;
            stage.say("    " + pair[1] + " reads it: " + (knows ? "their client now holds " + pair[0] + "'s certificate"
                    : "their client did not keep " + pair[0] + "'s certificate"));
        }
        return learned ? Status.OK : Status.FAILED;
    }

    public static Status publish(Stage stage, Step.PublishCertificate publish) {
        stage.headline("publish " + publish.who() + "'s certificate in the directory");
        X509Certificate certificate = certificateOf(stage, publish.who());
        stage.lab().pki().directory().publish(certificate);
        stage.say("    the directory now lists " + Certificates.describe(certificate));
        return Status.OK;
    }

    public static Status revoke(Stage stage, Step.RevokeCertificate revoke) {
        stage.headline("revoke " + revoke.who() + "'s certificate");
        X509Certificate certificate = certificateOf(stage, revoke.who());
        CertificateAuthority ca = stage.lab().pki().issuerOf(certificate).orElseThrow();
        ca.revoke(certificate, CertificateAuthority.RevocationReason.KEY_COMPROMISE);
        stage.say("    " + ca.name() + " revoked serial " + certificate.getSerialNumber() + "; its CRL now lists it");
        return Status.OK;
    }

    private static X509Certificate certificateOf(Stage stage, String who) {
        return stage.person(who).smime().credential().orElseThrow().certificate();
    }
}
