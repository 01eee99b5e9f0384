package org.envelopelab.cli;

import org.envelopelab.pki.Certificates;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.Pem;
import org.envelopelab.pki.Pkcs12;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads keys and certificates the way other S/MIME software hands them over: a PKCS#12 file
 * (.p12/.pfx, with its password), or PEM — a private key (PKCS#8, encrypted or not, or a
 * traditional RSA/EC key) with its certificate in the same file or beside it.
 */
final class KeyFiles {

    private KeyFiles() {
    }

    /** The key and its certificate; refused when the key is not the one the certificate was issued for. */
    static Credential credential(Path key, Path certificate, String password) {
        Credential credential = read(key, certificate, password);
        if (!credential.keyMatchesCertificate()) {
            throw new BadInput("the private key in " + key + " does not belong to the certificate "
                    + (certificate == null ? "beside it" : "in " + certificate)
                    + " (" + Certificates.describe(credential.certificate()) + ")");
        }
        return credential;
    }

    private static Credential read(Path key, Path certificate, String password) {
        String name = key.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                return Pkcs12.read(Files.readAllBytes(key), password.toCharArray());
            }
            String pem = text(key);
            PrivateKey privateKey = Pem.privateKey(pem, password.isEmpty() ? null : password.toCharArray());
            List<X509Certificate> chain = new ArrayList<>(Pem.certificates(pem));
            if (certificate != null) {
                chain.addAll(0, Pem.certificates(text(certificate)));
            }
            if (chain.isEmpty()) {
                throw new BadInput(key + " holds a key but no certificate: give it with --cert");
            }
            return new Credential(privateKey, chain.get(0), chain);
        } catch (IOException e) {
            throw new BadInput("cannot read " + key + ": " + ExitCodes.reason(e));
        }
    }

    static List<X509Certificate> certificates(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try {
                List<X509Certificate> found = Pem.certificates(text(file));
                if (found.isEmpty()) {
                    throw new BadInput(file + " holds no PEM certificate");
                }
                certificates.add(found.get(0));
            } catch (IOException e) {
                throw new BadInput("cannot read " + file + ": " + ExitCodes.reason(e));
            }
        }
        return certificates;
    }

    /**
     * A file's text as PEM reads it. PEM is ASCII; reading the bytes as ISO-8859-1 never fails, so a
     * binary file given by mistake (a .p12 where a .pem belongs) is reported as holding no PEM, not
     * as a charset error.
     */
    static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
