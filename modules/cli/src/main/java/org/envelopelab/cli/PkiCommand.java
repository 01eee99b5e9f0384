package org.envelopelab.cli;

import org.envelopelab.pki.CaFolder;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Certificates;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;
import org.envelopelab.pki.Pem;
import org.envelopelab.pki.Pkcs12;
import org.envelopelab.pki.PrivateKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lab pki}: a certificate authority in a folder, for S/MIME outside the scenarios. */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = {"Issue, export and revoke S/MIME certificates from a lab CA kept in a folder.",
            "The files work with openssl and Thunderbird: ca.pem to trust, <email>.p12 to import."},
        subcommands = {PkiCommand.Issue.class, PkiCommand.Export.class, PkiCommand.Revoke.class},
        footer = {"", "Examples:",
            "  ./lab pki issue bob@fabrikam.example --name 'Bob Baker' --key ec-p256",
            "  ./lab pki export bob@fabrikam.example --format chain",
            "  ./lab pki revoke bob@fabrikam.example --reason key-compromise"})
final class PkiCommand implements Runnable {

    static final String DEFAULT_PASSWORD = "envelope-lab";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The longest validity {@code --days} gives: a hundred years. */
    static final int MOST_DAYS = 36_500;
    /** RFC 5321's longest path (254 characters of address), and RFC 5280's longest common name. */
    static final int MOST_ADDRESS = 254;
    static final int MOST_NAME = 64;

    /** Options every pki command shares. */
    static final class Folder {
        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "lab-pki",
                description = "the CA's folder (default: ${DEFAULT-VALUE}); created on first issue")
        Path dir;

        @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = DEFAULT_PASSWORD,
                description = "protects <email>.p12 and <email>.key.pem (default: ${DEFAULT-VALUE})")
        String password;

        /** A key file needs a password: PKCS#12 and encrypted PKCS#8 refuse an empty one. */
        void requirePassword() {
            if (password.isEmpty()) {
                throw new BadInput("--password may not be empty: the key files are encrypted with it");
            }
        }

        CaFolder open(String caName) {
            try {
                return CaFolder.open(dir, caName, Clock.systemUTC());
            } catch (IOException e) {
                throw new BadInput("cannot use " + dir + " as the CA's folder: " + ExitCodes.reason(e));
            }
        }

        CaFolder existing() {
            if (!Files.exists(dir.resolve("ca.p12"))) {
                throw new BadInput("no lab CA in " + dir + ": issue a certificate first (lab pki issue EMAIL)");
            }
            return open("");
        }

        /** The folder's CA, which must have issued a certificate for this address. */
        CaFolder holding(String email) throws IOException {
            CaFolder ca = existing();
            if (!ca.has(email)) {
                List<String> people = ca.people();
                throw new BadInput("no certificate for " + email + " in " + dir
                        + (people.isEmpty() ? "" : " (issued so far: " + String.join(", ", people) + ")"));
            }
            return ca;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a certificate (and a new key) for an email address.")
    static final class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Parameters(paramLabel = "EMAIL", description = "the address the certificate is for")
        String email;

        @Option(names = "--name", paramLabel = "NAME", description = "the person's name (default: the address)")
        String name;

        @Option(names = "--key", paramLabel = "TYPE", defaultValue = "rsa2048",
                description = "rsa2048, rsa3072 or ec-p256 (default: ${DEFAULT-VALUE})")
        String key;

        @Option(names = "--days", paramLabel = "DAYS", defaultValue = "365", description = "validity in days (default: ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--force", description = "replace the key and certificate of an address that has them;"
                + " the old certificate is revoked as superseded")
        boolean force;

        @Option(names = "--ca-name", paramLabel = "NAME", defaultValue = "Envelope Lab Test CA",
                description = "the CA's name when the folder has none yet (default: ${DEFAULT-VALUE})")
        String caName;

        @Override
        public Integer call() throws Exception {
            KeyType type;
            try {
                type = KeyType.ofLabel(key);
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
            if (days < 1 || days > MOST_DAYS) {
                throw new BadInput("--days must be between 1 and " + MOST_DAYS + " (100 years), not " + days);
            }
            if (email.length() > MOST_ADDRESS || !org.envelopelab.mailnet.Addresses.isValid(email)) {
                throw new BadInput(email.length() > MOST_ADDRESS ? "the address is " + email.length()
                        + " characters long; an email address has at most " + MOST_ADDRESS + " (RFC 5321)"
                        : "'" + ExitCodes.printable(email) + "' is not an email address");
            }
            String commonName = name == null ? email : name;
            if (commonName.isBlank() || commonName.length() > MOST_NAME) {
                throw new BadInput((name == null ? "the address" : "--name") + " is " + commonName.length()
                        + " characters long; a certificate's name has 1 to " + MOST_NAME + " (RFC 5280)"
                        + (name == null ? "; give a shorter --name" : ""));
            }
            folder.requirePassword();
            CaFolder ca = folder.open(caName);
            String address = email.toLowerCase(Locale.ROOT);
            X509Certificate replaced = null;
            if (ca.has(address)) {
                if (!force) {
                    throw new BadInput(address + " already has a key and certificate in " + folder.dir
                            + ": give --force to replace them (the old certificate is then revoked as superseded)");
                }
                replaced = ca.certificate(address);
                ca.revoke(address, CertificateAuthority.RevocationReason.SUPERSEDED);
            }
            Credential credential = ca.issue(email, name == null ? email : name, type, Duration.ofDays(days),
                    folder.password.toCharArray());
            PrintWriter out = spec.commandLine().getOut();
            if (replaced != null) {
                out.println("Replaced the key and certificate of " + address + ": the old certificate (serial "
                        + replaced.getSerialNumber() + ") is revoked as superseded in " + folder.dir.resolve("ca.crl.pem"));
            }
            out.println("Issued " + Certificates.describe(credential.certificate()));
            out.println("  " + ca.personFile(credential.email(), ".p12") + "       key and chain, PKCS#12 (password: "
                    + folder.password + ")");
            out.println("  " + ca.personFile(credential.email(), ".cert.pem") + "  certificate");
            out.println("  " + ca.personFile(credential.email(), ".key.pem") + "   private key, PKCS#8, encrypted with the same password");
            out.println("  " + folder.dir.resolve("ca.pem") + "  the CA to trust (openssl -CAfile, Thunderbird: Authorities > Import)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a person's certificate or key in another form, or with another password.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Parameters(paramLabel = "EMAIL", description = "whose certificate")
        String email;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "cert",
                description = "cert (PEM certificate), key (PEM private key), chain (PEM certificate and CA), p12 (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--new-password", paramLabel = "PASSWORD", description = "protect the exported key or p12 with this password instead")
        String newPassword;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write here (default: standard output; p12 needs a file)")
        Path out;

        @Override
        public Integer call() throws Exception {
            folder.requirePassword();
            if (newPassword != null && newPassword.isEmpty()) {
                throw new BadInput("--new-password may not be empty: the exported key is encrypted with it");
            }
            CaFolder ca = folder.holding(email);
            char[] exportPassword = (newPassword == null ? folder.password : newPassword).toCharArray();
            byte[] bytes = switch (format) {
                case "cert" -> Pem.write(ca.certificate(email)).getBytes();
                case "chain" -> Pem.write(ca.certificate(email), ca.authority().certificate()).getBytes();
                case "key" -> Pem.privateKey(credential(ca).privateKey(), exportPassword).getBytes();
                case "p12" -> Pkcs12.write(credential(ca), exportPassword, email);
                default -> throw new BadInput("unknown format '" + format + "' (formats: cert, key, chain, p12)");
            };
            if (out == null) {
                if (format.equals("p12")) {
                    throw new BadInput("a PKCS#12 file is binary: give --out FILE");
                }
                spec.commandLine().getOut().print(new String(bytes));
            } else {
                try {
                    if (format.equals("key") || format.equals("p12")) {
                        PrivateKeyFile.write(out, bytes);
                    } else {
                        Files.write(out, bytes);
                    }
                } catch (IOException e) {
                    throw new BadInput("cannot write " + out + ": " + ExitCodes.reason(e));
                }
                spec.commandLine().getOut().println("Wrote " + out);
            }
            return ExitCodes.OK;
        }

        private Credential credential(CaFolder ca) throws IOException {
            try {
                return ca.credential(email, folder.password.toCharArray());
            } catch (IOException e) {
                throw new BadInput(e.getMessage() + " (give the p12 password with --password)");
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a person's certificate and publish the new CRL (ca.crl.pem).")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Parameters(paramLabel = "EMAIL", description = "whose certificate")
        String email;

        @Option(names = "--reason", paramLabel = "REASON", defaultValue = "unspecified",
                description = "unspecified, key-compromise, affiliation-changed, superseded, cessation-of-operation (default: ${DEFAULT-VALUE})")
        String reason;

        @Override
        public Integer call() throws Exception {
            CertificateAuthority.RevocationReason why;
            try {
                why = CertificateAuthority.RevocationReason.valueOf(reason.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new BadInput("unknown reason '" + reason + "' (reasons: unspecified, key-compromise, "
                        + "affiliation-changed, superseded, cessation-of-operation)");
            }
            CaFolder ca = folder.holding(email);
            X509Certificate certificate = ca.certificate(email);
            PrintWriter out = spec.commandLine().getOut();
            Optional<CertificateAuthority.Revocation> earlier = ca.authority().revocation(certificate);
            if (earlier.isPresent()) {
                String when = "was already revoked on " + day(earlier.get().at()) + " (" + earlier.get().reason().label() + ")";
                if (earlier.get().reason() != why) {
                    throw new BadInput(Certificates.commonName(certificate) + "'s certificate " + when
                            + ": a revocation is not changed, and the CRL keeps that reason");
                }
                out.println(Certificates.describe(certificate) + " " + when + "; the CRL is unchanged");
                return ExitCodes.OK;
            }
            ca.revoke(email, why);
            out.println("Revoked " + Certificates.describe(certificate) + " (" + why.label() + ")");
            out.println("  the CRL is now " + folder.dir.resolve("ca.crl.pem") + " (openssl verify -crl_check -CRLfile ...)");
            return ExitCodes.OK;
        }

        private static String day(java.time.Instant instant) {
            return instant.toString().substring(0, 10);
        }
    }
}
