package org.envelopelab.service.protection;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.message.OuterHeaders;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.tenant.Feature;
import org.envelopelab.service.tenant.Tenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's message encryption service: it holds the tenant's root key, protects messages in
 * transport, issues use licenses, keeps the copies outside recipients read in the portal, revokes,
 * rotates keys, and decrypts for compliance. Nobody exchanges certificates with anybody: the
 * service's own keys do the work. The transport and the portal ({@code portal.PortalApi}) both
 * enter here.
 */
public final class ProtectionService {

    /** The tenant group whose members may revoke any message, not only their own. */
    public static final String ADMINISTRATORS = "admins";
    /** The product's limit, attachments included. */
    public static final int MAXIMUM_MESSAGE_SIZE = 25 * 1024 * 1024;

    private final Tenant tenant;
    private final Clock clock;
    private final Randomness randomness;
    private final AuditLog audit;
    private final TenantRootKey keys;
    private final ProtectedStore store = new ProtectedStore();
    private final LicenseDesk licenses;
    private final ProtectedMessageWriter writer;

    public ProtectionService(Tenant tenant, Clock clock, SecureRandom random, AuditLog audit) {
        this.tenant = tenant;
        this.clock = clock;
        this.randomness = new Randomness(random);
        this.audit = audit;
        this.keys = new TenantRootKey(tenant.domain(), clock.instant(), randomness);
        this.licenses = new LicenseDesk(tenant, keys, store, clock, audit);
        this.writer = new ProtectedMessageWriter(tenant);
    }

    /**
     * Protects a message for its recipients. Work per message is symmetric — a fresh AES-256-GCM
     * content key, one key wrap, one HMAC — and does not grow with the number of recipients, who
     * appear only as addresses in the policy.
     *
     * @param originalMime the whole RFC 5322 message, as submitted
     * @param sender       the envelope sender: the owner of the protected message
     * @param recipients   every envelope recipient, inside and outside, Bcc included
     * @param template     the rights recipients get
     * @param branding     how the wrapper and portal look; its expiry (if any) applies to outside recipients
     * @throws org.envelopelab.service.tenant.PlanException when the plan lacks encryption, or expiry is set without it
     */
    public Protected protect(byte[] originalMime, String sender, List<String> recipients, RightsTemplate template,
                             BrandingTemplate branding) {
        tenant.require(Feature.MESSAGE_ENCRYPTION);
        if (branding.expires()) {
            tenant.require(Feature.EXPIRY);
        }
        if (originalMime.length > MAXIMUM_MESSAGE_SIZE) {
            throw new ProtectionException("the message is " + originalMime.length / (1024 * 1024)
                    + " MB; the service protects messages up to 25 MB, attachments included");
        }
        OuterHeaders headers = OuterHeaders.read(originalMime);
        Optional<String> originalId = headers.messageId();
        String messageId = originalId.orElseGet(() -> randomness.messageId(tenant.domain(), clock));
        Instant issued = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = branding.expires() ? issued.plus(Duration.ofDays(branding.externalExpiryDays())) : null;
        RootKeyVersion root = keys.current();
        Policy policy = new Policy(tenant.domain(), messageId, sender, recipients, template.name(), template.rights(),
                issued, expires, root.id());
        ProtectedEnvelope envelope = ProtectedEnvelope.seal(originalMime, policy, root, randomness);
        byte[] cms = envelope.sharedDer();
        byte[] protectedMime = writer.write(headers, originalId.isPresent() ? null : messageId, issued, cms, randomness);
        String token = randomness.token();
        store.keep(new StoredMessage(token, messageId, policy, branding, headers.senderName(), cms));
        store.remember(envelope.policyMac(), envelope.seal());
        audit.record(AuditKind.PROTECTED, policy.sender(), messageId, template.name() + " (" + template.describeRights()
                + ") for " + policy.recipients().size() + " recipient(s) with " + root.id()
                + (expires == null ? "" : "; outside access until " + expires));
        return new Protected(protectedMime, token, messageId, issued, expires);
    }

    /**
     * A use license for a reader in a mail client of this tenant, from the protected message they
     * received. Revocation and expiry do not stop inline reading (see the README). It reads the
     * message's headers and the policy, not its encrypted content: for a message this service
     * protected, what it remembers of it stands in for the content's digest in the policy MAC
     * (a changed ciphertext is refused when the message is opened).
     *
     * @throws LicenseRefusedException not the sender or a recipient, outside the tenant, or not verified
     */
    public UseLicense license(byte[] protectedMime, String reader) {
        return licenses.issue(ProtectedMessage.read(protectedMime).envelope(), reader, LicenseDesk.Channel.INLINE,
                Optional.empty());
    }

    /** As {@link #license(byte[], String)}, for a message the service protected, by its Message-ID. */
    public UseLicense license(String messageId, String reader) {
        StoredMessage stored = store.byMessageId(messageId).orElseThrow(() -> unknown(messageId));
        return licenses.issue(ProtectedEnvelope.parse(stored.sharedCms()), reader, LicenseDesk.Channel.INLINE, Optional.empty());
    }

    /**
     * A use license for an outside recipient in the portal, to be called only once the portal has
     * verified who they are. Refused at once when the message is revoked or expired.
     */
    public UseLicense licenseForPortal(String token, String reader) {
        StoredMessage stored = stored(token).orElseThrow(() -> new LicenseRefusedException(LicenseRefusal.UNKNOWN_MESSAGE,
                "no protected message has this link"));
        return licenses.issue(ProtectedEnvelope.parse(stored.sharedCms()), reader, LicenseDesk.Channel.PORTAL,
                store.revocation(stored.messageId()));
    }

    /**
     * The original message, decrypted with a license's content key; fails if anything was changed:
     * GCM's tag, then the policy MAC over the content's digest (a reader holding the key can make
     * a tag for other content, but not a MAC).
     */
    public byte[] open(byte[] protectedMime, UseLicense license) {
        return open(ProtectedMessage.read(protectedMime).envelope(), license);
    }

    /** The original of a stored message, for the portal. */
    public byte[] open(StoredMessage stored, UseLicense license) {
        return open(ProtectedEnvelope.parse(stored.sharedCms()), license);
    }

    private byte[] open(ProtectedEnvelope envelope, UseLicense license) {
        if (!envelope.policy().messageId().equals(license.messageId())) {
            throw new ProtectionException("the license is for " + license.messageId() + ", not for "
                    + envelope.policy().messageId());
        }
        return envelope.decrypt(license.contentKey(), keys);
    }

    /**
     * Decrypts a message this service protected, for journal reports, transport decryption and
     * eDiscovery: the service can read what it protects. Audited.
     */
    public byte[] decryptForCompliance(byte[] protectedMime) {
        ProtectedEnvelope envelope = ProtectedMessage.read(protectedMime).envelope();
        byte[] original = envelope.decrypt(envelope.unlock(keys).secretKey(), keys);
        audit.record(AuditKind.COMPLIANCE_DECRYPTED, "service", envelope.policy().messageId(),
                "decrypted for journaling and compliance");
        return original;
    }

    /**
     * The "remove encryption" action of a mail flow rule: the original message, for mail this
     * tenant's service protected — and only for that.
     */
    public byte[] removeEncryption(byte[] protectedMime) {
        ProtectedEnvelope envelope = ProtectedMessage.read(protectedMime).envelope();
        ContentKey key;
        try {
            key = envelope.unlock(keys);
        } catch (ProtectionException e) {
            throw new ProtectionException("encryption can be removed only from mail " + tenant.domain()
                    + " protected itself: " + e.getMessage(), e);
        }
        byte[] original = envelope.decrypt(key.secretKey(), keys);
        audit.record(AuditKind.ENCRYPTION_REMOVED, "service", envelope.policy().messageId(), "by a mail flow rule");
        return original;
    }

    /** Whether this tenant's service protected the message and it is unchanged: its key, and a matching policy MAC. */
    public boolean isProtectedByThisTenant(byte[] mime) {
        try {
            ProtectedMessage.read(mime).envelope().unlock(keys);
            return true;
        } catch (ProtectionException e) {
            return false;
        }
    }

    /**
     * Revokes a message: from now on the portal refuses it. Copies already delivered inline to the
     * tenant's own recipients stay readable.
     *
     * @param by the sender, or a member of the {@value #ADMINISTRATORS} group
     * @throws org.envelopelab.service.tenant.PlanException when the plan lacks revocation
     */
    public void revoke(String messageId, String by) {
        tenant.require(Feature.REVOCATION);
        StoredMessage stored = store.byMessageId(messageId).orElseThrow(() -> new ProtectionException(
                "the service protected no message " + messageId + ", so there is nothing to revoke"));
        String revoker = by.trim().toLowerCase(Locale.ROOT);
        if (!stored.policy().isOwner(revoker) && !tenant.inGroup(revoker, ADMINISTRATORS)) {
            audit.record(AuditKind.REVOCATION_REFUSED, revoker, messageId, "neither the sender nor an administrator");
            throw new ProtectionException(revoker + " may not revoke " + messageId + ": only its sender ("
                    + stored.policy().sender() + ") or an administrator may");
        }
        store.revoke(messageId, new Revocation(revoker, clock.instant()));
        audit.record(AuditKind.REVOKED, revoker, messageId, "portal access refused from now on");
    }

    public Optional<Revocation> revocation(String messageId) {
        return store.revocation(messageId);
    }

    /** Makes a new current root key version; older versions stay, so older mail still opens. */
    public KeyId rotateKeys() {
        KeyId next = keys.rotate(clock.instant()).id();
        audit.record(AuditKind.KEYS_ROTATED, "service", null, "new mail is protected with " + next + "; "
                + (keys.size() - 1) + " older version(s) kept for older mail");
        return next;
    }

    public KeyId currentKey() {
        return keys.current().id();
    }

    /** The stored copy a portal link leads to. */
    public Optional<StoredMessage> stored(String token) {
        return store.byToken(token);
    }

    /** What a same-tenant mail client does with protected mail, bound to this service. */
    public ProtectedReader reader() {
        return new ProtectedReader(this);
    }

    public Tenant tenant() {
        return tenant;
    }

    public Clock clock() {
        return clock;
    }

    public Randomness randomness() {
        return randomness;
    }

    public AuditLog audit() {
        return audit;
    }

    /** For the format test, which reads the message with Bouncy Castle's CMS parser and the tenant key. */
    TenantRootKey keys() {
        return keys;
    }

    private static LicenseRefusedException unknown(String messageId) {
        return new LicenseRefusedException(LicenseRefusal.UNKNOWN_MESSAGE, "the service protected no message " + messageId);
    }
}
