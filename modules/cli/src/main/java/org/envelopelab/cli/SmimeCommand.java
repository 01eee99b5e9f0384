package org.envelopelab.cli;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.CertificateValidator;
import org.envelopelab.pki.Certificates;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.Pem;
import org.envelopelab.smime.ContentCipher;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.KeyTransport;
import org.envelopelab.smime.SignatureForm;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.SmimeException;
import org.envelopelab.smime.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code lab smime}: S/MIME on .eml files, to check the lab against other S/MIME software. */
@Command(name = "smime", mixinStandardHelpOptions = true,
        description = {"Sign, encrypt, decrypt and verify .eml files with S/MIME, and show the EFAIL lesson.",
            "Keys: a PKCS#12 file (--key x.p12 --password ...) or PEM (--key x.key.pem [--cert x.cert.pem])."},
        subcommands = {SmimeCommand.Sign.class, SmimeCommand.Encrypt.class, SmimeCommand.Decrypt.class,
            SmimeCommand.Verify.class, SmimeCommand.Efail.class},
        footer = {"", "Examples:",
            "  ./lab smime encrypt note.eml -o note.p7m.eml --to lab-pki/bob@fabrikam.example.cert.pem",
            "  openssl cms -decrypt -in note.p7m.eml -inkey lab-pki/bob@fabrikam.example.key.pem -passin pass:envelope-lab",
            "  ./lab smime verify signed.eml --ca lab-pki/ca.pem --crl lab-pki/ca.crl.pem"})
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

        @Option(names = {"-o", "--out"}, paramLabel = "OUT.eml", description = "where to write the result (default: standard output)")
        Path out;

        InputStream open() {
            try {
                return new BufferedInputStream(Files.newInputStream(in), 1 << 16);
            } catch (IOException e) {
                throw new BadInput("cannot read " + in + ": " + ExitCodes.oneLine(e));
            }
        }

        MimeMessage message() {
            try (InputStream stream = open()) {
                return new MimeMessage(MIME, stream);
            } catch (Exception e) {
                throw new BadInput(in + " is not a message: " + ExitCodes.oneLine(e));
            }
        }

        OutputStream target(CommandSpec spec) throws IOException {
            return out == null ? new NoClose(System.out) : new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        }

        void done(CommandSpec spec, String what) {
            if (out != null) {
                spec.commandLine().getErr().println(what + ": wrote " + out);
            }
        }
    }

    /** Standard output stays open after a command writes to it. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
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

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign a message (clear-signed unless --opaque).")
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        MessageFiles files;

        @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        KeyOptions key;

        @Option(names = "--opaque", description = "opaque signature (application/pkcs7-mime; smime-type=signed-data)")
        boolean opaque;

        @Override
        public Integer call() throws Exception {
            MimeMessage signed = Smime.sign(files.message(), key.credential(), opaque ? SignatureForm.OPAQUE : SignatureForm.CLEAR);
            try (OutputStream out = files.target(spec)) {
                signed.writeTo(out);
            }
            files.done(spec, "signed");
            return ExitCodes.OK;
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = "Encrypt a message for one or more recipients' certificates (streams; any size).")
    static final class Encrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        MessageFiles files;

        @Option(names = "--to", paramLabel = "CERT.pem", required = true, description = "a recipient's PEM certificate; repeat for more")
        List<Path> recipients;

        @Option(names = "--cipher", paramLabel = "CIPHER", defaultValue = "aes-256-gcm",
                description = "aes-256-gcm (AuthEnvelopedData), aes-128-gcm, aes-256-cbc, aes-128-cbc (EnvelopedData) (default: ${DEFAULT-VALUE})")
        String cipher;

        @Option(names = "--key-transport", paramLabel = "SCHEME", defaultValue = "rsa-oaep-sha256",
                description = "for RSA recipients: rsa-oaep-sha256 or rsa-pkcs1 (default: ${DEFAULT-VALUE}); EC recipients use ECDH")
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
            try (InputStream in = files.open(); OutputStream out = files.target(spec)) {
                Smime.encrypt(in, out, certificates, options);
            }
            files.done(spec, "encrypted with " + options.cipher().label() + " for "
                    + String.join(", ", certificates.stream().map(Certificates::email).toList()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypt a message with your key (streams; any size).")
    static final class Decrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        MessageFiles files;

        @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        KeyOptions key;

        @Override
        public Integer call() throws Exception {
            Credential credential = key.credential();
            try (InputStream in = files.open(); OutputStream out = files.target(spec)) {
                Smime.decrypt(in, out, credential);
            } catch (SmimeException e) {
                if (files.out != null) {
                    Files.deleteIfExists(files.out);
                }
                spec.commandLine().getErr().println("lab: " + e.getMessage());
                return ExitCodes.EXPECTATION_FAILED;
            }
            files.done(spec, "decrypted for " + credential.email());
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a signed message: the signature, the signer's certificate against the",
                "CAs you trust (and CRLs), and whether From is the signer's address. Exit 0 only when all hold."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN.eml", description = "the signed message")
        Path in;

        @Option(names = "--ca", paramLabel = "CA.pem", description = "a CA certificate to trust; repeat for more")
        List<Path> cas = new ArrayList<>();

        @Option(names = "--crl", paramLabel = "CRL.pem", description = "a CRL to check revocation against; repeat for more")
        List<Path> crls = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            MessageFiles file = new MessageFiles();
            file.in = in;
            MimeMessage message = file.message();
            PrintWriter out = spec.commandLine().getOut();
            Verification verification;
            try {
                verification = Smime.verify(message);
            } catch (SmimeException e) {
                spec.commandLine().getErr().println("lab: " + e.getMessage());
                return ExitCodes.EXPECTATION_FAILED;
            }
            X509Certificate signer = verification.signer();
            out.println("signer:    " + (signer == null ? "(no certificate in the signature)" : Certificates.describe(signer)));
            out.println("signature: " + (verification.signatureValid() ? "valid (" + verification.digestAlgorithm() + ")"
                    : "INVALID: " + verification.problem()));
            String from = message.getFrom() == null ? "" : ((InternetAddress) message.getFrom()[0]).getAddress().toLowerCase();
            boolean fromMatches = signer != null && Certificates.emails(signer).contains(from);
            out.println("from:      " + from + (fromMatches ? " (matches the certificate)" : " (does NOT match the certificate)"));
            boolean chainGood = true;
            if (cas.isEmpty()) {
                out.println("chain:     not checked (give --ca to check it)");
            } else if (signer != null) {
                List<X509Certificate> trusted = KeyFiles.certificates(cas);
                List<X509CRL> revocations = crls();
                CertificateValidator.Verdict verdict = new CertificateValidator(() -> trusted,
                        () -> revocations, Clock.systemUTC()).check(signer, org.envelopelab.pki.SmimeRole.SIGNER);
                chainGood = verdict.valid();
                out.println("chain:     " + (verdict.valid() ? "good: " : "BAD: ") + verdict.explanation());
            }
            return verification.signatureValid() && fromMatches && chainGood ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
        }

        private List<X509CRL> crls() {
            List<X509CRL> all = new ArrayList<>();
            for (Path file : crls) {
                try {
                    all.addAll(Pem.crls(Files.readString(file)));
                } catch (IOException e) {
                    throw new BadInput("cannot read the CRL " + file + ": " + ExitCodes.oneLine(e));
                }
            }
            return all;
        }
    }

    @Command(name = "efail", mixinStandardHelpOptions = true,
            description = {"The EFAIL lesson, offline: an attacker flips bits in an AES-CBC message's IV and",
                "the first plaintext block changes exactly as planned, with no error; on AES-GCM the",
                "same change fails the tag check. Nothing is rendered and nothing is fetched."})
    static final class Efail implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var report = org.envelopelab.smime.EfailLesson.run();
            report.narrate().lines().forEach(spec.commandLine().getOut()::println);
            return ExitCodes.OK;
        }
    }
}
