package org.envelopelab.service.protection;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one version of a tenant's root key, as the protected message's KEKRecipientInfo carries
 * it: "contoso-bank.example/tenant-root-key/v2". The tenant's domain in the name is how the
 * service tells its own mail from another tenant's.
 *
 * @param tenantDomain the tenant whose key it is
 * @param version      1 for the first key, one more at each rotation
 */
public record KeyId(String tenantDomain, int version) {

    private static final Pattern LABEL = Pattern.compile("([a-z0-9.-]+)/tenant-root-key/v([1-9][0-9]{0,8})");

    public KeyId {
        tenantDomain = tenantDomain.toLowerCase(Locale.ROOT);
        if (version < 1) {
            throw new IllegalArgumentException("key versions count from 1, not " + version);
        }
    }

    /** The next version of the same key. */
    KeyId next() {
        return new KeyId(tenantDomain, version + 1);
    }

    /** "contoso-bank.example/tenant-root-key/v2": the text of the kekid. */
    public String label() {
        return tenantDomain + "/tenant-root-key/v" + version;
    }

    /** Reads a label back; empty when the text is not one the lab writes (another system's key, say). */
    public static Optional<KeyId> parse(String label) {
        Matcher matcher = LABEL.matcher(label);
        return matcher.matches()
                ? Optional.of(new KeyId(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return label();
    }
}
