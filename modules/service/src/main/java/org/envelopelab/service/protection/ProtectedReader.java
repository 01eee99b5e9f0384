package org.envelopelab.service.protection;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.message.OriginalMessage;
import org.envelopelab.service.message.OuterHeaders;
import org.envelopelab.service.rights.Right;

import java.util.List;

/**
 * What a mail client of the tenant does with a protected message: asks the service for a use
 * license for its signed-in user, decrypts, and then enforces the license's rights — forward,
 * print and copy are refused with a sentence unless granted. A forward that is allowed (Encrypt-Only)
 * goes out marked for protection, so the service protects the new copy too. Rights management
 * trusts the client here: a modified client could ignore the rights, which is why the lessons call
 * them a policy, not a lock.
 */
public final class ProtectedReader {

    private final ProtectionService service;

    ProtectedReader(ProtectionService service) {
        this.service = service;
    }

    /**
     * @param reader the signed-in user's address; the tenant has authenticated them
     * @throws LicenseRefusedException when the service refuses them a license
     */
    public InlineReading read(byte[] protectedMime, String reader) {
        UseLicense license = service.license(protectedMime, reader);
        return new InlineReading(service.open(protectedMime, license), license);
    }

    /** The forward, marked for protection with the same template; refused without the forward right. */
    public byte[] forward(InlineReading reading, List<String> to) {
        require(reading, Right.FORWARD, "forward");
        byte[] forward = ForwardedMessage.build(reading.reader(), nameOf(reading), to, reading.original(),
                reading.license().template(), service.clock().instant(),
                service.randomness().messageId(domainOf(reading.reader()), service.clock()));
        service.audit().record(AuditKind.FORWARDED, reading.reader(), reading.license().messageId(),
                "to " + to.size() + " address(es), marked for protection with " + reading.license().template());
        return forward;
    }

    /** What the client sends to the printer: the headers a reader sees and the text body. */
    public String print(InlineReading reading) {
        require(reading, Right.PRINT, "print");
        OriginalMessage message = OriginalMessage.parse(reading.original());
        return "From: " + message.from() + "\nSubject: " + message.subject()
                + (message.sentAt() == null ? "" : "\nDate: " + message.sentAt()) + "\n\n" + message.text();
    }

    /** What the client puts on the clipboard: the text body. */
    public String copy(InlineReading reading) {
        require(reading, Right.COPY, "copy");
        return OriginalMessage.parse(reading.original()).text();
    }

    private void require(InlineReading reading, Right right, String act) {
        if (!reading.license().allows(right)) {
            service.audit().record(right == Right.FORWARD ? AuditKind.FORWARD_REFUSED : AuditKind.USE_REFUSED,
                    reading.reader(), reading.license().messageId(), reading.license().template() + " does not grant " + right.label());
            throw new RightsException(reading.license().template(), nameOf(reading), right, act);
        }
    }

    private static String nameOf(InlineReading reading) {
        return OuterHeaders.read(reading.original()).displayNameOf(reading.reader());
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
