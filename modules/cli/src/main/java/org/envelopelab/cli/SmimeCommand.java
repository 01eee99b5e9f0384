package org.envelopelab.cli;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.CertificateValidator;
import org.envelopelab.pki.Certificates;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.SmimeRole;
import org.envelopelab.smime.ContentCipher;
import org.envelopelab.smime.EfailLesson;
import org.envelopelab.smime.EfailReport;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.KeyTransport;
import org.envelopelab.smime.SignatureForm;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.SmimeException;
import org.envelopelab.smime.Verification;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code lab smime}: S/MIME on .eml files, to check the lab against other S/MIME software. */
@Command(name = "smime", mixinStandardHelpOptions = true,
        description = {"Sign, encrypt, decrypt and verify .eml files with S/MIME, and show the EFAIL lesson.",
            "Keys: a PKCS#12 file (--key x.p12 --password ...) or PEM (--key x.key.pem [--cert x.cert.pem]).",
            "Certificates are judged as a careful mail client judges them: a person's (not a CA's), in date, for email,"
                + " with a key usage that allows the job; with --ca also the chain, with --crl revocation."},
        subcommands = {SmimeCommand.Sign.class, SmimeCommand.Encrypt.class, SmimeCommand.Decrypt.class,
            SmimeCommand.Verify.class, SmimeCommand.Efail.class},
        footer = {"", "Examples:",
            "  ./lab smime encrypt note.eml -o note.p7m.eml --to lab-pki/bob@fabrikam.example.cert.pem",
            "  openssl cms -decrypt -in note.p7m.eml -inkey lab-pki/bob@fabrikam.example.key.pem -passin pass:envelope-lab",
            "  ./lab smime verify signed.eml --ca lab-pki/ca.pem --crl lab-pki/ca.crl.pem",
            "",
            "Exit codes: 0 done, 1 the message did not pass (not verified, or it cannot be",
            "decrypted), 2 bad usage or input (a file, a key, a refused certificate), 3 the",
            "lab itself failed, 4 (verify) the signature matches, but no --ca was given, so",
            "nobody vouched for the signer.",
            "One rule for malformed input, in every smime command: a file that is not a message",
            "(a folder, a pipe or device, empty, binary, no header field first, too large to hold)",
            "is exit 2, checked before any work; a message whose S/MIME is malformed, not for your",
            "key or changed (truncated, bad base64 or ASN.1, a wrong tag) did not pass: exit 1 in",
            "decrypt and verify, exit 2 in sign and encrypt (they take a message, not S/MIME)."})
final class SmimeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final Session MIME = Session.getInstance(new Properties());

    /** The input message file and where the result goes. */
    static final class MessageFiles {
        @Parameters(index = "0", paramLabel = "IN.eml", description = "the message (RFC 5322)")
        Path in;

        @Option(names = {"-o", "--out"}, paramLabel = "OUT.eml",
                description = "where to write the result (default: standard output); written only when the command succeeds")
        Path out;

        /**
         * The message file, opened after the checks every smime command makes before any work: a
         * regular file (not a folder, a pipe or a device, which could block or never end), and a
         * first line that is a header field, as every RFC 5322 message begins.
         */
        InputStream open() {
            InputFile.requireRegular(in);
            try {
                BufferedInputStream stream = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
                InputFile.requireHeaderFirst(in, stream);
                return stream;
            } catch (IOException e) {
                throw new BadInput("cannot read " + in + ": " + ExitCodes.reason(e));
            }
        }

        /** The whole message in memory, for sign and verify: bounded in size before a byte is read. */
        MimeMessage message() {
            InputFile.requireAtMost(in, InputFile.MOST_IN_MEMORY, "sign and verify hold a message in memory");
            try (InputStream stream = open()) {
                return new MimeMessage(MIME, InputFile.bounded(stream, InputFile.MOST_IN_MEMORY));
            } catch (IOException | MessagingException e) {
                throw new BadInput(in + " is not a message: " + ExitCodes.oneLine(e));
            }
        }

        ResultFile result() {
            return ResultFile.at(out);
        }

        void done(CommandSpec spec, String what) {
            if (out != null) {
                spec.commandLine().getErr().println(what + ": wrote " + out);
            }
        }
    }

    /** A private key and certificate from files. */
    static final class KeyOptions {
        @Option(names = "--key", paramLabel = "FILE", required = true, description = "PKCS#12 (.p12/.pfx) or PEM private key")
        Path key;

        @Option(names = "--cert", paramLabel = "FILE", description = "the PEM certificate, when --key is a bare PEM key")
        Path cert;

        @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "envelope-lab",
                description = "the key's password (default: ${DEFAULT-VALUE}; empty for an unencrypted PEM key)")
        String password;

        Credential credential() {
            return KeyFiles.credential(key, cert, password);
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Sign a message (clear-signed unless --opaque).",
                "Refuses a key that does not belong to its certificate, and a certificate that may not sign:"
                    + " expired or not yet valid, a CA's, not for email, or (with --ca and --crl) revoked."})
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MessageFiles files;

        @ArgGroup(exclusive = false, multiplicity = "1")
        KeyOptions key;

        @Mixin
        TrustOptions trust;

        @Option(names = "--opaque", description = "opaque signature (application/pkcs7-mime; smime-type=signed-data)")
        boolean opaque;

        @Override
        public Integer call() throws Exception {
            Credential credential = key.credential();
            CertificateValidator.Verdict verdict = trust.check(credential.certificate(), SmimeRole.SIGNER);
            if (!verdict.valid()) {
                throw new BadInput("cannot sign: " + verdict.explanation());
            }
            warn(spec, credential.email(), verdict);
            MimeMessage signed;
            try {
                signed = Smime.sign(files.message(), credential, opaque ? SignatureForm.OPAQUE : SignatureForm.CLEAR);
            } catch (SmimeException e) {
                throw new BadInput("cannot sign " + files.in + ": " + ExitCodes.printable(e.getMessage()));
            }
            try (ResultFile result = files.result()) {
                signed.writeTo(result.stream());
                result.keep();
            }
            files.done(spec, "signed");
            return ExitCodes.OK;
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Encrypt a message for one or more recipients' certificates (streams; any size).",
                "Refuses a certificate nobody should encrypt to: expired or not yet valid, a CA's, not for email,"
                    + " a key usage that does not allow it, or (with --ca and --crl) untrusted or revoked."})
    static final class Encrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MessageFiles files;

        @Option(names = "--to", paramLabel = "CERT.pem", required = true, description = "a recipient's PEM certificate; repeat for more")
        List<Path> recipients;

        @Mixin
        TrustOptions trust;

        @Option(names = "--cipher", paramLabel = "CIPHER", defaultValue = "aes-256-gcm",
                description = "aes-256-gcm (AuthEnvelopedData), aes-128-gcm, aes-256-cbc, aes-128-cbc (EnvelopedData) (default: ${DEFAULT-VALUE})")
        String cipher;

        @Option(names = "--key-transport", paramLabel = "SCHEME", defaultValue = "rsa-oaep-sha256",
                description = {"for RSA recipients: rsa-oaep-sha256 or rsa-pkcs1 (default: ${DEFAULT-VALUE}); EC recipients use ECDH.",
                    "OAEP names SHA-256 in the message; OpenSSL encrypting with OAEP uses SHA-1"
                        + " unless told -keyopt rsa_oaep_md:sha256."})
        String keyTransport;

        @Override
        public Integer call() throws Exception {
            EncryptionOptions options;
            try {
                options = new EncryptionOptions(ContentCipher.ofLabel(cipher), KeyTransport.ofLabel(keyTransport));
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
            List<X509Certificate> certificates = KeyFiles.certificates(recipients);
            for (int i = 0; i < certificates.size(); i++) {
                X509Certificate certificate = certificates.get(i);
                String who = Certificates.email(certificate).isEmpty() ? recipients.get(i).toString() : Certificates.email(certificate);
                CertificateValidator.Verdict verdict = trust.check(certificate, SmimeRole.RECIPIENT);
                if (!verdict.valid()) {
                    throw new BadInput("cannot encrypt for " + who + ": " + verdict.explanation());
                }
                warn(spec, who, verdict);
            }
            try (InputStream in = files.open(); ResultFile result = files.result()) {
                Smime.encrypt(in, result.stream(), certificates, options);
                result.keep();
            } catch (SmimeException e) {
                throw new BadInput("cannot encrypt " + files.in + ": " + ExitCodes.printable(e.getMessage()));
            }
            files.done(spec, "encrypted with " + options.cipher().label() + " for "
                    + String.join(", ", certificates.stream().map(Certificates::email).toList()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = {"Decrypt a message with your key (streams; any size).",
                "Nothing is written unless the whole message decrypts: AES-GCM's tag must match, AES-CBC's padding must hold."})
    static final class Decrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MessageFiles files;

        @ArgGroup(exclusive = false, multiplicity = "1")
        KeyOptions key;

        @Override
        public Integer call() throws Exception {
            Credential credential = key.credential();
            try (InputStream in = files.open(); ResultFile result = files.result()) {
                Smime.decrypt(in, result.stream(), credential);
                result.keep();
            } catch (SmimeException e) {
                spec.commandLine().getErr().println("lab: " + ExitCodes.printable(e.getMessage()));
                return ExitCodes.EXPECTATION_FAILED;
            }
            files.done(spec, "decrypted for " + credential.email());
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a signed message: the signature, the signer's certificate, and whether From is the signer's address.",
                "Exit 0 means the signature matches the content, From is the signer's address, and the signer's"
                    + " certificate is fit to sign and chains to a CA given with --ca (and is not revoked, when --crl is given).",
                "Without --crl revocation is not checked: a warning, or an error with --require-crl."},
            footer = {"", "Exit codes:",
                "  0 verified: signature, From and certificate all hold",
                "  1 not verified: the signature does not match, From is someone else, the",
                "    certificate is bad (expired, revoked, a CA's, not for email, not from a",
                "    --ca CA), or the message is not signed",
                "  2 bad usage: a file cannot be read, --crl without --ca",
                "  3 the lab itself failed (LAB_DEBUG=1 shows where)",
                "  4 the signature matches, but nobody vouched for the signer: without --ca,",
                "    anyone can make a certificate for any address"})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN.eml", description = "the signed message")
        Path in;

        @Mixin
        TrustOptions trust;

        @Override
        public Integer call() throws Exception {
            boolean chainChecked = trust.chainChecked();
            MessageFiles file = new MessageFiles();
            file.in = in;
            MimeMessage message = file.message();
            PrintWriter out = spec.commandLine().getOut();
            Verification verification;
            try {
                verification = Smime.verify(message);
            } catch (SmimeException e) {
                spec.commandLine().getErr().println("lab: " + ExitCodes.printable(e.getMessage()));
                return ExitCodes.EXPECTATION_FAILED;
            }
            X509Certificate signer = verification.signer();
            out.println("signer:    " + (signer == null ? "(no certificate in the signature)" : Certificates.describe(signer)));
            out.println("signature: " + (verification.signatureValid() ? "matches the content (" + verification.digestAlgorithm() + ")"
                    : "INVALID: " + verification.problem()));
            FromCheck from = FromCheck.of(message, signer == null ? List.of() : Certificates.emails(signer));
            boolean fromMatches = from.matches();
            out.println("from:      " + from.describe());
            if (signer == null) {
                return ExitCodes.EXPECTATION_FAILED;
            }
            CertificateValidator.Verdict verdict = trust.check(signer, SmimeRole.SIGNER);
            if (!verdict.valid()) {
                out.println("chain:     BAD: " + verdict.explanation());
            } else if (chainChecked) {
                out.println("chain:     good: " + verdict.explanation());
                if (!verdict.warning().isEmpty()) {
                    out.println("warning:   " + verdict.warning() + " (give --crl; --require-crl makes this an error)");
                }
            } else {
                out.println("chain:     not checked: nobody vouched for the signer (give --ca with the CA you trust)");
            }
            if (!verification.signatureValid() || !fromMatches || !verdict.valid()) {
                return ExitCodes.EXPECTATION_FAILED;
            }
            return chainChecked ? ExitCodes.OK : ExitCodes.SIGNER_NOT_VOUCHED_FOR;
        }

    }

    @Command(name = "efail", mixinStandardHelpOptions = true,
            description = {"The EFAIL lesson, offline: what an attacker without the key does to AES-CBC, and how AES-GCM stops it.",
                "The attacker rebuilds an AES-CBC message from its own blocks so that the recipient's client decrypts it",
                "without error into an image link that wraps the plaintext; the same change to AES-GCM fails the tag check.",
                "Nothing is rendered and nothing is fetched."})
    static final class Efail implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EfailReport report = EfailLesson.run();
            report.narrate().lines().forEach(spec.commandLine().getOut()::println);
            return ExitCodes.OK;
        }
    }

    /** A certificate accepted with something unchecked (revocation, without a CRL) says so on standard error. */
    private static void warn(CommandSpec spec, String who, CertificateValidator.Verdict verdict) {
        if (!verdict.warning().isEmpty()) {
            spec.commandLine().getErr().println("warning: " + who + ": " + verdict.warning());
        }
    }
}
