package org.envelopelab.people;

import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.Site;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.people.writing.Composer;
import org.envelopelab.service.protection.ProtectedReader;
import org.envelopelab.smime.client.SmimeClient;
import org.envelopelab.smime.client.SmimeClients;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everyone with a mailbox in a world, as a {@link Person} with their own clients, all writing to
 * one timeline. Built once the world, the certificates and the organization's service exist.
 */
public final class People implements AutoCloseable {

    private final Map<String, Person> byAddress = new LinkedHashMap<>();
    private final Timeline timeline;
    private final MailWorld mail;

    /**
     * @param smime  every person's S/MIME client (those without a certificate cannot sign or decrypt)
     * @param inline the organization's service's reader for protected mail, or null without a service
     * @param clock  the lab clock: Date headers, and the timeline's times
     */
    public People(MailWorld mail, SmimeClients smime, ProtectedReader inline, Timeline timeline, Clock clock) {
        this.timeline = timeline;
        this.mail = mail;
        Composer composer = new Composer(mail, clock);
        for (Site site : mail.sites()) {
            for (Account account : site.accounts()) {
                SmimeClient client = smime.of(account.address())
                        .orElseThrow(() -> new IllegalArgumentException("no S/MIME client for " + account.address()));
                MailClient mailClient = mail.client(account.address());
                byAddress.put(key(account.address()), new Person(account.address(), account.displayName(), mailClient,
                        client, inline, composer, timeline));
            }
        }
    }

    /** The person with this address. */
    public Person person(String address) {
        return find(address).orElseThrow(() -> new IllegalArgumentException("no person " + address + " in this world"));
    }

    public Optional<Person> find(String address) {
        return Optional.ofNullable(byAddress.get(key(address)));
    }

    public Collection<Person> all() {
        return byAddress.values();
    }

    /**
     * Whoever holds this person's mailbox (their password, on a device of their own).
     *
     * @param keyBesideMail whether the person's S/MIME private key sits where the mail does (a key
     *                      file on the same shared device), so the thief has it too
     */
    public MailboxThief thiefOf(String address, boolean keyBesideMail) {
        Person victim = person(address);
        return new MailboxThief(victim.address(), mail.client(victim.address()), keyBesideMail ? victim.keys() : null,
                victim.inlineReader(), timeline);
    }

    public Timeline timeline() {
        return timeline;
    }

    @Override
    public void close() {
        byAddress.values().forEach(person -> person.mail().close());
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
