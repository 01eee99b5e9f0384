package org.envelopelab.smime.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The S/MIME clients of a world's people, by address. */
public final class SmimeClients {

    private final Map<String, SmimeClient> byAddress = new ConcurrentHashMap<>();

    public SmimeClient register(SmimeClient client) {
        byAddress.put(client.address(), client);
        return client;
    }

    public Optional<SmimeClient> of(String address) {
        return Optional.ofNullable(byAddress.get(address.toLowerCase(Locale.ROOT)));
    }

    public List<SmimeClient> all() {
        return byAddress.values().stream().sorted((a, b) -> a.address().compareTo(b.address())).toList();
    }
}
