package org.envelopelab.service.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's root key with all its versions. New mail is protected with the current version;
 * rotating makes a new current version and keeps the old ones, because mail protected under them
 * must still open. (Retiring a version would make its mail unreadable for everyone, the service
 * included — that is crypto-shredding, not rotation.)
 */
final class TenantRootKey {

    private final List<RootKeyVersion> versions = new ArrayList<>();
    private final Randomness randomness;

    TenantRootKey(String tenantDomain, Instant created, Randomness randomness) {
        this.randomness = randomness;
        versions.add(RootKeyVersion.generate(new KeyId(tenantDomain, 1), created, randomness));
    }

    synchronized RootKeyVersion current() {
        return versions.get(versions.size() - 1);
    }

    synchronized RootKeyVersion rotate(Instant now) {
        RootKeyVersion next = RootKeyVersion.generate(current().id().next(), now, randomness);
        versions.add(next);
        return next;
    }

    synchronized Optional<RootKeyVersion> version(KeyId id) {
        return versions.stream().filter(version -> version.id().equals(id)).findFirst();
    }

    synchronized int size() {
        return versions.size();
    }
}
