package org.envelopelab.people.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SightTest {

    private static Sight inspect(String message) {
        return Sight.of(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextIsReadableAndItsSecretsAreFound() {
        Sight inspection = inspect("""
                From: alice@contoso.example
                To: carol@gmail.example
                Subject: Statement
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Card 4111 1111 =
                1111 1111, balance $1,284.10
                """);

        assertThat(inspection.headers()).isEqualTo(Access.READABLE);
        assertThat(inspection.body()).isEqualTo(Access.READABLE);
        assertThat(inspection.attachments()).isEqualTo(Access.NONE);
        assertThat(inspection.form()).isEqualTo("plain MIME");
        assertThat(inspection.secretsIn(Map.of("card number", "4111 1111 1111 1111", "pin", "9876")))
                .containsExactly("card number");
    }

    @Test
    void attachmentsAreListedAndSearched() {
        Sight inspection = inspect("""
                From: alice@contoso.example
                Subject: Files
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                See attached.
                --b1
                Content-Type: text/csv; name=statement.csv
                Content-Disposition: attachment; filename=statement.csv
                Content-Transfer-Encoding: base64

                Y2FyZCw0MTExIDExMTEgMTExMSAxMTEx
                --b1--
                """);

        assertThat(inspection.body()).isEqualTo(Access.READABLE);
        assertThat(inspection.attachments()).isEqualTo(Access.READABLE);
        assertThat(inspection.attachmentNames()).containsExactly("statement.csv");
        assertThat(inspection.secretsIn(Map.of("card number", "4111 1111 1111 1111"))).containsExactly("card number");
    }

    @Test
    void anEncryptedMessageShowsHeadersButNeitherBodyNorSecrets() {
        Sight inspection = inspect("""
                From: alice@contoso.example
                Subject: Statement
                MIME-Version: 1.0
                Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m
                Content-Transfer-Encoding: base64

                MIAGCyqGSIb3DQEJEAEXoIAwgAIBADGCAUQwggFAAgEA
                """);

        assertThat(inspection.headers()).isEqualTo(Access.READABLE);
        assertThat(inspection.body()).isEqualTo(Access.ENCRYPTED);
        assertThat(inspection.attachments()).isEqualTo(Access.ENCRYPTED);
        assertThat(inspection.form()).isEqualTo("S/MIME encrypted (authEnveloped-data)");
        assertThat(inspection.format()).isEqualTo(Sight.Format.SMIME);
        assertThat(inspection.secretsIn(Map.of("subject word", "Statement", "card number", "4111"))).containsExactly("subject word");
    }

    @Test
    void aClearSignedMessageIsReadableAndItsSignatureIsNoAttachment() {
        Sight inspection = inspect("""
                From: alice@contoso.example
                Subject: Signed
                MIME-Version: 1.0
                Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="s1"

                --s1
                Content-Type: text/plain

                Contract attached in the clear.
                --s1
                Content-Type: application/pkcs7-signature; name=smime.p7s
                Content-Disposition: attachment; filename=smime.p7s
                Content-Transfer-Encoding: base64

                MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIB
                --s1--
                """);

        assertThat(inspection.body()).isEqualTo(Access.READABLE);
        assertThat(inspection.attachments()).isEqualTo(Access.NONE);
        assertThat(inspection.secretsIn(Map.of("contract", "Contract attached"))).containsExactly("contract");
    }
}
