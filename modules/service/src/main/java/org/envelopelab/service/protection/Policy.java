package org.envelopelab.service.protection;

import org.envelopelab.service.rights.Right;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the service decided about one message when it protected it: who may read it and what they
 * may do. It travels with the message as an authenticated attribute — readable by anyone holding
 * the message, since authenticated is not encrypted — and sealed by the tenant's policy key, so a
 * reader who holds the content key still cannot widen it.
 *
 * @param tenantDomain the tenant whose service protected the message
 * @param messageId    the RFC 5322 Message-ID, angle brackets included
 * @param sender       the address that sent it: the owner, with every right
 * @param recipients   everyone it was sent to (To, Cc and Bcc), lower case, sorted, each once
 * @param template     the rights template's name: "Encrypt-Only", "Do Not Forward"
 * @param rights       what recipients may do
 * @param issued       when it was protected, to the second
 * @param expires      when outside recipients lose access, to the second; null for never
 * @param keyId        the root key version that wrapped the content key and seals this policy
 */
public record Policy(String tenantDomain, String messageId, String sender, List<String> recipients, String template,
                     Set<Right> rights, Instant issued, Instant expires, KeyId keyId) {

    public Policy {
        tenantDomain = tenantDomain.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(messageId, "messageId");
        sender = sender.toLowerCase(Locale.ROOT);
        recipients = recipients.stream().map(address -> address.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a protected message needs at least one recipient");
        }
        Objects.requireNonNull(template, "template");
        EnumSet<Right> granted = EnumSet.noneOf(Right.class);
        granted.addAll(rights);
        rights = Collections.unmodifiableSet(granted);
        // Seconds are what the ASN.1 encoding keeps; truncating here makes encode-decode exact.
        issued = issued.truncatedTo(ChronoUnit.SECONDS);
        expires = expires == null ? null : expires.truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(keyId, "keyId");
    }

    public boolean isOwner(String address) {
        return sender.equalsIgnoreCase(address);
    }

    public boolean isRecipient(String address) {
        return recipients.contains(address.toLowerCase(Locale.ROOT));
    }

    /** Only the original recipients and the sender: a forwarded copy gives nobody else a way in. */
    public boolean authorizes(String address) {
        return isOwner(address) || isRecipient(address);
    }

    /** The owner holds every right (rights management's Full Control); recipients get the template's. */
    public Set<Right> rightsOf(String address) {
        if (isOwner(address)) {
            return Collections.unmodifiableSet(EnumSet.allOf(Right.class));
        }
        return isRecipient(address) ? rights : Set.of();
    }

    public boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }
}
