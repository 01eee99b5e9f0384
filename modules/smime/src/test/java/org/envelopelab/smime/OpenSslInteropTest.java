package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.Pem;
import org.envelopelab.testkit.OpenSsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab's S/MIME against OpenSSL 3's {@code openssl cms}, in both directions. */
class OpenSslInteropTest {

    /** A MIME entity as a user would hand it to openssl: Unix line ends, which openssl makes canonical. */
    private static final String ENTITY = "Content-Type: text/plain; charset=us-ascii\n\nDear Bob,\n\nthe numbers: revenue 4.2 M.\nAlice\n";
    private static final String ENTITY_TEXT = "Dear Bob,\r\n\r\nthe numbers: revenue 4.2 M.\r\nAlice\r\n";

    @TempDir
    Path directory;
    private OpenSsl openssl;

    @BeforeEach
    void files() throws Exception {
        openssl = new OpenSsl(directory);
        openssl.write("ca.pem", Pem.write(People.CONTOSO.certificate()).getBytes(StandardCharsets.US_ASCII));
        writeCredential("alice", People.ALICE);
        writeCredential("bob", People.BOB);
        writeCredential("carol", People.CAROL);
        openssl.write("entity.txt", ENTITY.getBytes(StandardCharsets.US_ASCII));
    }

    /** A person's certificate and unencrypted private key as name.pem and name.key, as openssl takes them. */
    private void writeCredential(String name, Credential credential) throws Exception {
        openssl.write(name + ".pem", Pem.write(credential.certificate()).getBytes(StandardCharsets.US_ASCII));
        openssl.write(name + ".key", Pem.privateKey(credential.privateKey(), null).getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @EnumSource(ContentCipher.class)
    @DisplayName("openssl decrypts the lab's message for each content cipher, to an RSA and an EC recipient")
    void opensslDecryptsEachContentCipher(ContentCipher cipher) throws Exception {
        MimeMessage letter = Letters.letter();
        MimeMessage encrypted = Smime.encrypt(letter, List.of(People.BOB.certificate(), People.CAROL.certificate()),
                new EncryptionOptions(cipher, KeyTransport.RSA_OAEP_SHA256));
        openssl.write("msg.eml", Letters.bytes(encrypted));

        for (String person : List.of("bob", "carol")) {
            OpenSsl.Run run = openssl.run("cms", "-decrypt", "-inkey", person + ".key", "-recip", person + ".pem",
                    "-in", "msg.eml", "-out", person + ".out");

            assertThat(run.exitCode()).as(person + ": " + run.output()).isZero();
            assertThat(openssl.read(person + ".out")).as(person).isEqualTo(Letters.entity(letter));
        }
    }

    @ParameterizedTest
    @EnumSource(KeyTransport.class)
    @DisplayName("openssl decrypts the lab's RSA key transport: PKCS#1 v1.5 and OAEP with SHA-256 named")
    void opensslDecryptsEachKeyTransport(KeyTransport transport) throws Exception {
        MimeMessage letter = Letters.letter();
        MimeMessage encrypted = Smime.encrypt(letter, List.of(People.BOB.certificate()),
                new EncryptionOptions(ContentCipher.AES_256_GCM, transport));
        openssl.write("msg.eml", Letters.bytes(encrypted));

        OpenSsl.Run structure = openssl.run("cms", "-cmsout", "-print", "-in", "msg.eml");
        OpenSsl.Run run = openssl.run("cms", "-decrypt", "-inkey", "bob.key", "-recip", "bob.pem", "-in", "msg.eml", "-out", "bob.out");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(openssl.read("bob.out")).isEqualTo(Letters.entity(letter));
        if (transport == KeyTransport.RSA_OAEP_SHA256) {
            // SHA-256 and MGF1-SHA-256 are spelled out, so openssl does not fall back to its SHA-1 default.
            assertThat(structure.output()).contains("algorithm: rsaesOaep").containsSubsequence("OBJECT            :sha256",
                    "OBJECT            :mgf1", "OBJECT            :sha256");
        } else {
            assertThat(structure.output()).contains("algorithm: rsaEncryption").doesNotContain("rsaesOaep");
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureForm.class)
    @DisplayName("openssl verifies the lab's clear and opaque signatures against the CA")
    void opensslVerifiesTheLabsSignatures(SignatureForm form) throws Exception {
        for (String person : List.of("alice", "carol")) {
            MimeMessage signed = Smime.sign(Letters.letter(), person.equals("alice") ? People.ALICE : People.CAROL, form);
            openssl.write("signed.eml", Letters.bytes(Letters.transported(signed)));

            OpenSsl.Run run = openssl.run("cms", "-verify", "-CAfile", "ca.pem", "-in", "signed.eml", "-out", "content.out");

            assertThat(run.exitCode()).as(person + " " + form + ": " + run.output()).isZero();
            assertThat(run.output()).contains("Verification successful");
            assertThat(new String(openssl.read("content.out"), StandardCharsets.ISO_8859_1)).contains("Content-Type: text/plain");
        }
    }

    @Test
    @DisplayName("the lab decrypts openssl's AES-256-GCM AuthEnvelopedData")
    void labDecryptsOpensslGcm() throws Exception {
        Decryption decryption = decryptOpensslMessage("bob", People.BOB, "-aes-256-gcm", "bob.pem");

        assertThat(decryption.cipher()).isEqualTo(ContentCipher.AES_256_GCM);
        assertThat(decryption.keyManagement()).isEqualTo("RSA PKCS#1 v1.5");
    }

    @Test
    @DisplayName("the lab decrypts openssl's AES-256-CBC EnvelopedData")
    void labDecryptsOpensslCbc() throws Exception {
        Decryption decryption = decryptOpensslMessage("bob", People.BOB, "-aes256", "bob.pem");

        assertThat(decryption.cipher()).isEqualTo(ContentCipher.AES_256_CBC);
    }

    @Test
    @DisplayName("the lab decrypts openssl's RSA-OAEP with SHA-256 and MGF1-SHA-256")
    void labDecryptsOpensslOaep() throws Exception {
        Decryption decryption = decryptOpensslMessage("bob", People.BOB, "-aes-256-gcm", "-recip", "bob.pem",
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256");

        assertThat(decryption.keyManagement()).isEqualTo("RSA-OAEP (SHA-256)");
    }

    @Test
    @DisplayName("the lab decrypts openssl's OAEP with its SHA-1 default, and says so")
    void labDecryptsOpensslDefaultOaep() throws Exception {
        Decryption decryption = decryptOpensslMessage("bob", People.BOB, "-aes-256-gcm", "-recip", "bob.pem",
                "-keyopt", "rsa_padding_mode:oaep");

        assertThat(decryption.keyManagement()).isEqualTo("RSA-OAEP (SHA-1)");
    }

    @Test
    @DisplayName("the lab decrypts openssl's ECDH to an EC recipient, with openssl's SHA-1 KDF or a SHA-256 one")
    void labDecryptsOpensslEcdh() throws Exception {
        assertThat(decryptOpensslMessage("carol", People.CAROL, "-aes-256-gcm", "carol.pem").keyManagement())
                .isEqualTo("ECDH P-256 (ephemeral-static, SHA-1 KDF)");
        assertThat(decryptOpensslMessage("carol", People.CAROL, "-aes-128-cbc", "-recip", "carol.pem",
                "-keyopt", "ecdh_kdf_md:sha256").keyManagement())
                .isEqualTo("ECDH P-256 (ephemeral-static)");
    }

    @Test
    @DisplayName("each of two recipients decrypts openssl's message")
    void labDecryptsOpensslForTwoRecipients() throws Exception {
        OpenSsl.Run run = openssl.run("cms", "-encrypt", "-aes-128-gcm", "-in", "entity.txt", "-out", "msg.eml",
                "-from", "alice@contoso.example", "-to", "bob@contoso.example", "-subject", "Quarterly numbers", "bob.pem", "carol.pem");
        assertThat(run.exitCode()).as(run.output()).isZero();
        MimeMessage message = Letters.parse(openssl.read("msg.eml"));

        for (Credential recipient : List.of(People.BOB, People.CAROL)) {
            Decryption decryption = Smime.decrypt(message, recipient);
            assertThat(decryption.cipher()).isEqualTo(ContentCipher.AES_128_GCM);
            assertThat(Letters.text(decryption.content())).isEqualTo(ENTITY_TEXT);
        }
    }

    @Test
    @DisplayName("the lab verifies openssl's detached (clear) and -nodetach (opaque) signatures")
    void labVerifiesOpensslSignatures() throws Exception {
        for (boolean opaque : List.of(false, true)) {
            List<String> command = new ArrayList<>(List.of("cms", "-sign", "-signer", "alice.pem", "-inkey", "alice.key",
                    "-certfile", "ca.pem", "-md", "sha256", "-in", "entity.txt", "-out", "signed.eml",
                    "-from", "alice@contoso.example", "-to", "bob@contoso.example", "-subject", "Quarterly numbers"));
            if (opaque) {
                command.add("-nodetach");
            }
            OpenSsl.Run run = openssl.run(command.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.output()).isZero();
            MimeMessage signed = Letters.parse(openssl.read("signed.eml"));

            assertThat(SmimeKind.of(signed)).isEqualTo(opaque ? SmimeKind.OPAQUE_SIGNED : SmimeKind.CLEAR_SIGNED);
            Verification verification = Smime.verify(signed);

            assertThat(verification.signatureValid()).as(verification.problem()).isTrue();
            assertThat(verification.signer()).isEqualTo(People.ALICE.certificate());
            assertThat(verification.certificates()).contains(People.CONTOSO.certificate());
            assertThat(verification.digestAlgorithm()).isEqualTo("SHA-256");
            assertThat(verification.signingTime()).isNotNull();
            assertThat(verification.content().getSubject()).isEqualTo("Quarterly numbers");
            assertThat(Letters.text(verification.content())).isEqualTo(ENTITY_TEXT);
        }
    }

    @Test
    @DisplayName("a whole message that openssl encrypted or signed keeps one of each header, the protected one")
    void aWholeMessageFromOpensslHasItsHeadersOnce() throws Exception {
        openssl.write("note.eml", ("From: alice@contoso.example\nTo: bob@contoso.example\nSubject: Quarterly numbers\n"
                + "MIME-Version: 1.0\n" + ENTITY).getBytes(StandardCharsets.US_ASCII));
        OpenSsl.Run encrypted = openssl.run("cms", "-encrypt", "-aes-256-gcm", "-in", "note.eml", "-out", "encrypted.eml",
                "-subject", "Outer subject", "bob.pem");
        assertThat(encrypted.exitCode()).as(encrypted.output()).isZero();
        OpenSsl.Run signed = openssl.run("cms", "-sign", "-in", "note.eml", "-out", "signed.eml", "-signer", "alice.pem",
                "-inkey", "alice.key", "-from", "alice@contoso.example");
        assertThat(signed.exitCode()).as(signed.output()).isZero();

        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
        Smime.decrypt(new ByteArrayInputStream(openssl.read("encrypted.eml")), decrypted, People.BOB);
        MimeMessage verified = Smime.verify(Letters.parse(openssl.read("signed.eml"))).content();

        for (MimeMessage message : List.of(Letters.parse(decrypted.toByteArray()), verified)) {
            assertThat(message.getHeader("MIME-Version")).hasSize(1);
            assertThat(message.getHeader("From")).hasSize(1);
            assertThat(message.getHeader("Subject")).containsExactly("Quarterly numbers");
            assertThat(Letters.text(message)).isEqualTo(ENTITY_TEXT);
        }
    }

    private Decryption decryptOpensslMessage(String reader, Credential credential, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("cms", "-encrypt", "-in", "entity.txt", "-out", "msg.eml",
                "-from", "alice@contoso.example", "-to", reader + "@contoso.example", "-subject", "Quarterly numbers"));
        command.addAll(List.of(options));
        OpenSsl.Run run = openssl.run(command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();

        Decryption decryption = Smime.decrypt(Letters.parse(openssl.read("msg.eml")), credential);

        assertThat(Letters.text(decryption.content())).isEqualTo(ENTITY_TEXT);
        assertThat(decryption.content().getSubject()).isEqualTo("Quarterly numbers");
        return decryption;
    }
}
