package org.envelopelab.smime.client;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.CertificateDirectory;
import org.envelopelab.pki.CertificateUse;
import org.envelopelab.pki.CertificateValidator;
import org.envelopelab.pki.Certificates;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.SmimeRole;
import org.envelopelab.smime.Opened;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.SmimeException;
import org.envelopelab.smime.SmimeKind;
import org.envelopelab.smime.Verification;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One person's S/MIME-capable mail client: their own key and certificate (if they have one),
 * the certificates they collected, the CAs they trust, and a directory they may look in. It
 * signs and encrypts before the message leaves, and decrypts and verifies what arrives — the
 * organization's mail service never sees inside.
 *
 * <p>Encrypting needs every recipient's certificate first. When one is missing or unfit (a CA's,
 * expired or not yet valid, not for email, a key usage that does not allow encryption, revoked or
 * untrusted), protecting fails with a sentence that says which and what to do. A signer's
 * certificate is judged the same way, as a signer, before the signature is trusted.
 */
public final class SmimeClient {

    private final String address;
    private final Credential credential;
    private final CertificateValidator validator;
    private final CertificateDirectory directory;
    private final Clock clock;
    private final AddressBook addressBook = new AddressBook();

    /**
     * @param address    whose client this is
     * @param credential their own key and certificate, or null when they have none
     * @param validator  how this client judges certificates (its trusted CAs, the CRLs it can get, the clock)
     * @param directory  a certificate directory it may look in, or null
     * @param clock      the clock its signatures take their signing time from
     */
    public SmimeClient(String address, Credential credential, CertificateValidator validator, CertificateDirectory directory,
                       Clock clock) {
        this.address = address.toLowerCase(Locale.ROOT);
        this.credential = credential;
        this.validator = validator;
        this.directory = directory;
        this.clock = clock;
    }

    public String address() {
        return address;
    }

    public Optional<Credential> credential() {
        return Optional.ofNullable(credential);
    }

    public AddressBook addressBook() {
        return addressBook;
    }

    /** Signs and/or encrypts a composed message for all its recipients (and the sender, so Sent stays readable). */
    public MimeMessage protect(MimeMessage message, Protection protection) throws SmimeException {
        if (credential == null && (protection.sign() || protection.encrypt())) {
            throw new SmimeException(address + " has no certificate of their own: "
                    + (protection.sign() ? "cannot sign" : "cannot keep a readable copy") + " (get one issued first)");
        }
        if (protection.sign()) {
            requireOwnCertificateFit(SmimeRole.SIGNER, "sign");
        }
        if (protection.encrypt()) {
            requireOwnCertificateFit(SmimeRole.RECIPIENT, "keep a readable copy");
        }
        if (!protection.encrypt()) {
            return Smime.sign(message, credential, protection.form(), clock);
        }
        Map<String, X509Certificate> recipients = new LinkedHashMap<>();
        for (String recipient : recipients(message)) {
            recipients.put(recipient, certificateFor(recipient));
        }
        recipients.put(address, credential.certificate());
        MimeMessage content = protection.sign() ? Smime.sign(message, credential, protection.form(), clock) : message;
        return Smime.encrypt(content, recipients.values(), protection.options());
    }

    /**
     * The person's own certificate must be fit for what it is used for: a signature by an expired
     * certificate is refused by every careful recipient anyway. Only the certificate itself is
     * judged, not its chain or revocation: someone whose CA the recipients do not trust, or whose
     * certificate was revoked, can still send, and the recipients' clients refuse to trust it.
     */
    private void requireOwnCertificateFit(SmimeRole role, String what) throws SmimeException {
        CertificateValidator.Verdict verdict = CertificateUse.check(credential.certificate(), role, clock.instant());
        if (!verdict.valid()) {
            throw new SmimeException(address + " cannot " + what + ": " + verdict.explanation() + " (get a new one issued)");
        }
    }

    /** A good certificate for a recipient, from the address book or else the directory. */
    public X509Certificate certificateFor(String recipient) throws SmimeException {
        Optional<X509Certificate> known = addressBook.lookup(recipient);
        String source = "address book";
        if (known.isEmpty() && directory != null) {
            known = directory.lookup(recipient);
            source = "directory";
        }
        if (known.isEmpty()) {
            throw new SmimeException("no certificate for " + recipient + ": exchange signed mail first"
                    + (directory == null ? "" : " (the directory has none either)"));
        }
        CertificateValidator.Verdict verdict = validator.check(known.get(), SmimeRole.RECIPIENT);
        if (!verdict.valid()) {
            throw new SmimeException("cannot encrypt for " + recipient + ": " + verdict.explanation()
                    + " (certificate from the " + source + ")");
        }
        return known.get();
    }

    /**
     * Opens a received message as this person's client would — decrypt, verify — and, when the
     * signature is genuine and really the sender's, keeps the signer's certificate (RFC 8550).
     * Whether that certificate is still good (expired, revoked, trusted) is judged again whenever
     * it is used to encrypt.
     */
    public Reading read(MimeMessage message) {
        Reading reading = open(message);
        SignatureCheck signature = reading.signature();
        if (signature == null || !signature.signatureValid() || !signature.fromMatches()) {
            return reading;
        }
        return new Reading(reading.content(), reading.layers(), reading.encrypted(), reading.problem(), signature,
                addressBook.learn(signature.signer()));
    }

    /** What this client shows for a message, without learning anything from it. */
    public Reading open(MimeMessage message) {
        boolean encrypted;
        try {
            encrypted = SmimeKind.of(message).encrypted();
        } catch (RuntimeException e) {
            encrypted = false;
        }
        Opened opened;
        try {
            opened = Smime.open(message, encrypted ? credential : null);
        } catch (SmimeException e) {
            String problem = encrypted && credential == null
                    ? address + " has no private key, so cannot decrypt it" : e.getMessage();
            return new Reading(null, List.of(), encrypted, problem, null, List.of());
        }
        SignatureCheck signature = null;
        Verification verification = opened.verification();
        if (verification != null) {
            String from = fromAddress(message);
            X509Certificate signer = verification.signer();
            boolean fromMatches = signer != null && Certificates.emails(signer).contains(from);
            CertificateValidator.Verdict chain = signer == null
                    ? new CertificateValidator.Verdict(CertificateValidator.Problem.UNTRUSTED, "no signer certificate in the message")
                    : validator.check(signer, SmimeRole.SIGNER);
            signature = new SignatureCheck(signer, verification.signatureValid(), verification.problem(), chain, fromMatches, from);
        }
        return new Reading(opened.content(), opened.layers(), encrypted, "", signature, List.of());
    }

    private static List<String> recipients(MimeMessage message) throws SmimeException {
        try {
            Address[] all = message.getAllRecipients();
            List<String> recipients = new ArrayList<>();
            if (all != null) {
                for (Address recipient : all) {
                    recipients.add(((InternetAddress) recipient).getAddress().toLowerCase(Locale.ROOT));
                }
            }
            return recipients;
        } catch (MessagingException e) {
            throw new SmimeException("cannot read the recipients: " + e.getMessage(), e);
        }
    }

    private static String fromAddress(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from == null || from.length == 0 ? "" : ((InternetAddress) from[0]).getAddress().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "";
        }
    }
}
