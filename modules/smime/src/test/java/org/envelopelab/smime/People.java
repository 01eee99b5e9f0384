package org.envelopelab.smime;

import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The cast of the tests: one CA and a person per key type. Keys are made once per test JVM,
 * because RSA-3072 key generation takes a while.
 */
final class People {

    static final CertificateAuthority CONTOSO = CertificateAuthority.create("Contoso Root CA", "Contoso", Clock.systemUTC(), new SecureRandom());
    /** RSA-2048. */
    static final Credential ALICE = CONTOSO.issue("alice@contoso.example", "Alice Adams", KeyType.RSA_2048);
    /** RSA-3072. */
    static final Credential BOB = CONTOSO.issue("bob@contoso.example", "Bob Baker", KeyType.RSA_3072);
    /** EC P-256. */
    static final Credential CAROL = CONTOSO.issue("carol@contoso.example", "Carol Clark", KeyType.EC_P256);
    /** RSA-2048, and never a recipient: the one who tries to read other people's mail. */
    static final Credential EVE = CONTOSO.issue("eve@contoso.example", "Eve Evans", KeyType.RSA_2048);

    private People() {
    }

    static Credential of(KeyType type) {
        return switch (type) {
            case RSA_2048 -> ALICE;
            case RSA_3072 -> BOB;
            case EC_P256 -> CAROL;
        };
    }
}
