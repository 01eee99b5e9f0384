package org.envelopelab.pki;

import org.envelopelab.testkit.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encrypted PEM keys as OpenSSL writes them: PBES2 keys are read with the JDK's own provider
 * ({@code JdkPbes2}), anything else through Bouncy Castle's; both give the key OpenSSL holds.
 */
class PemKeyTest {

    @TempDir
    Path dir;

    @Test
    void readsOpenSslPbes2KeysWithEveryAesSizeAndPrf() throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        String[][] variants = {{"-aes-128-cbc", "hmacWithSHA256"}, {"-aes-192-cbc", "hmacWithSHA1"},
            {"-aes-256-cbc", "hmacWithSHA512"}};
        for (String[] variant : variants) {
            assertThat(openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "plain.pem")
                    .exitCode()).isZero();
            assertThat(openssl.run("pkcs8", "-topk8", "-in", "plain.pem", "-out", "encrypted.pem", "-v2", variant[0].substring(1),
                    "-v2prf", variant[1], "-passout", "pass:s3cret").exitCode()).isZero();

            PrivateKey plain = Pem.privateKey(Files.readString(dir.resolve("plain.pem")), null);
            PrivateKey decrypted = Pem.privateKey(Files.readString(dir.resolve("encrypted.pem")), "s3cret".toCharArray());

            assertThat(decrypted).as(String.join(" ", variant)).isEqualTo(plain);
            assertThatThrownBy(() -> Pem.privateKey(Files.readString(dir.resolve("encrypted.pem")), "wrong".toCharArray()))
                    .hasMessageContaining("wrong password?");
        }
    }

    @Test
    void readsOtherEncryptionsThroughBouncyCastle() throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        assertThat(openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "plain.pem")
                .exitCode()).isZero();
        assertThat(openssl.run("pkcs8", "-topk8", "-in", "plain.pem", "-out", "des3.pem", "-v2", "des3",
                "-passout", "pass:s3cret").exitCode()).isZero();

        assertThat(Pem.privateKey(Files.readString(dir.resolve("des3.pem")), "s3cret".toCharArray()))
                .isEqualTo(Pem.privateKey(Files.readString(dir.resolve("plain.pem")), null));
    }
}
