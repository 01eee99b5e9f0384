package org.envelopelab.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A certificate authority kept in a folder, so {@code lab pki} can issue, export and revoke
 * across runs, and other software can use the files:
 * <pre>
 * ca.p12            the CA's key and certificate (password: {@link #CA_PASSWORD})
 * ca.pem            the CA certificate, to add to a trust store (openssl -CAfile, Thunderbird)
 * ca.crl.pem        the current CRL
 * state.tsv         the last serial; one line per revocation (serial, instant, reason)
 * &lt;email&gt;.p12     a person's key and certificate chain, password-protected PKCS#12
 * &lt;email&gt;.cert.pem  their certificate
 * &lt;email&gt;.key.pem   their private key, PKCS#8, encrypted with the same password
 * </pre>
 * Files that hold a private key (ca.p12, &lt;email&gt;.p12, &lt;email&gt;.key.pem) are readable by their owner only.
 * A lab CA: its own password is fixed and printed in the docs.
 */
public final class CaFolder {

    public static final String CA_PASSWORD = "envelope-lab-ca";

    private final Path folder;
    private final CertificateAuthority ca;
    private final Clock clock;

    private CaFolder(Path folder, CertificateAuthority ca, Clock clock) {
        this.folder = folder;
        this.ca = ca;
        this.clock = clock;
    }

    /** Opens the CA in a folder, creating the folder and a new CA named {@code caName} when there is none. */
    public static CaFolder open(Path folder, String caName, Clock clock) throws IOException {
        SecureRandom random = new SecureRandom();
        Path p12 = folder.resolve("ca.p12");
        if (!Files.exists(p12)) {
            Files.createDirectories(folder);
            CaFolder created = new CaFolder(folder, CertificateAuthority.create(caName, caName, clock, random), clock);
            created.save();
            return created;
        }
        Credential own = Pkcs12.read(Files.readAllBytes(p12), CA_PASSWORD.toCharArray());
        long lastSerial = 1;
        Map<BigInteger, Instant> revokedAt = new HashMap<>();
        Map<BigInteger, CertificateAuthority.RevocationReason> reasons = new HashMap<>();
        Path state = folder.resolve("state.tsv");
        if (Files.exists(state)) {
            for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields[0].equals("last-serial")) {
                    lastSerial = Long.parseLong(fields[1]);
                } else if (fields[0].equals("revoked")) {
                    BigInteger serial = new BigInteger(fields[1]);
                    revokedAt.put(serial, Instant.parse(fields[2]));
                    reasons.put(serial, CertificateAuthority.RevocationReason.valueOf(fields[3]));
                }
            }
        }
        return new CaFolder(folder, CertificateAuthority.restore(own, lastSerial, revokedAt, reasons, clock, random), clock);
    }

    public CertificateAuthority authority() {
        return ca;
    }

    public Path folder() {
        return folder;
    }

    /** Issues a certificate and writes the person's .p12, .cert.pem and .key.pem; returns the credential. */
    public Credential issue(String email, String name, KeyType type, java.time.Duration validity, char[] password)
            throws IOException {
        Instant now = clock.instant();
        Credential credential = ca.issue(email, name, type, now.minus(java.time.Duration.ofHours(1)), now.plus(validity));
        write(credential, password);
        save();
        return credential;
    }

    /** Writes a person's files again (with a new password, say). */
    public void write(Credential credential, char[] password) throws IOException {
        String email = credential.email();
        PrivateKeyFile.write(folder.resolve(email + ".p12"), Pkcs12.write(credential, password, email));
        Files.writeString(folder.resolve(email + ".cert.pem"), Pem.write(credential.certificate()));
        PrivateKeyFile.write(folder.resolve(email + ".key.pem"),
                Pem.privateKey(credential.privateKey(), password).getBytes(StandardCharsets.US_ASCII));
    }

    /** A person's credential, read back from their .p12. */
    public Credential credential(String email, char[] password) throws IOException {
        Path p12 = personFile(email, ".p12");
        return Pkcs12.read(Files.readAllBytes(p12), password);
    }

    /** A person's certificate, read back from their .cert.pem. */
    public X509Certificate certificate(String email) throws IOException {
        List<X509Certificate> certificates = Pem.certificates(Files.readString(personFile(email, ".cert.pem")));
        if (certificates.isEmpty()) {
            throw new IOException("no certificate in " + personFile(email, ".cert.pem"));
        }
        return certificates.get(0);
    }

    /**
     * Revokes a person's certificate and writes the new CRL.
     *
     * @return the revocation in force: this one, or an earlier one, which stands (see {@link CertificateAuthority#revoke})
     */
    public CertificateAuthority.Revocation revoke(String email, CertificateAuthority.RevocationReason reason) throws IOException {
        CertificateAuthority.Revocation revocation = ca.revoke(certificate(email), reason);
        save();
        return revocation;
    }

    /** Whether this folder holds a certificate (and so a key) for the address. */
    public boolean has(String email) {
        return Files.exists(folder.resolve(email.toLowerCase(Locale.ROOT) + ".cert.pem"));
    }

    /** The people this CA has files for. */
    public List<String> people() throws IOException {
        List<String> people = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".cert.pem"))
                    .map(file -> file.substring(0, file.length() - ".cert.pem".length()))
                    .sorted()
                    .forEach(people::add);
        }
        return people;
    }

    public Path personFile(String email, String suffix) throws IOException {
        Path file = folder.resolve(email.toLowerCase(Locale.ROOT) + suffix);
        if (!Files.exists(file)) {
            throw new IOException("no " + suffix.substring(1) + " for " + email + " in " + folder
                    + (people().isEmpty() ? "" : " (issued so far: " + String.join(", ", people()) + ")"));
        }
        return file;
    }

    private void save() throws IOException {
        PrivateKeyFile.write(folder.resolve("ca.p12"), Pkcs12.write(ca.ownCredential(), CA_PASSWORD.toCharArray(), "ca"));
        Files.writeString(folder.resolve("ca.pem"), Pem.write(ca.certificate()));
        Files.writeString(folder.resolve("ca.crl.pem"), Pem.write(ca.crl()));
        StringBuilder state = new StringBuilder("last-serial\t").append(ca.lastSerial()).append('\n');
        ca.revocations().forEach((serial, revocation) -> state.append("revoked\t").append(serial).append('\t')
                .append(revocation.getKey()).append('\t').append(revocation.getValue().name()).append('\n'));
        Files.writeString(folder.resolve("state.tsv"), state.toString());
    }

    public Optional<Path> crlFile() {
        Path crl = folder.resolve("ca.crl.pem");
        return Files.exists(crl) ? Optional.of(crl) : Optional.empty();
    }
}
