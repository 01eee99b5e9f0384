package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.Ports;
import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.routes.MailRoutes;
import org.envelopelab.routes.TransportSettings;
import org.envelopelab.routes.delivery.MailFlow;
import org.envelopelab.scenario.script.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scenario's world, running: one mail site for the organization and one per provider, every
 * person's account (password from the script or derived from the seed), the transport, the
 * lab clock, and one mail client per person. {@code lab run} and {@code lab serve} both use it.
 */
public final class LabWorld implements AutoCloseable {

    private final World world;
    private final MailWorld mail;
    private final MailRoutes routes;
    private final LabClock clock;
    private final Map<String, MailClient> clients = new ConcurrentHashMap<>();

    private LabWorld(World world, MailWorld mail, MailRoutes routes, LabClock clock) {
        this.world = world;
        this.mail = mail;
        this.routes = routes;
        this.clock = clock;
    }

    /**
     * Starts the world.
     *
     * @param world    who exists
     * @param seed     derives the passwords nobody chose
     * @param start    the lab clock's start
     * @param basePort 0 for free ports; otherwise site number i (from 0) gets SMTP basePort+10i and IMAP basePort+10i+1
     */
    public static LabWorld start(World world, long seed, Instant start, int basePort) throws Exception {
        List<SiteSpec> specs = siteSpecs(world, seed, basePort);
        LabClock clock = new LabClock(start);
        MailWorld mail = MailWorld.start(specs);
        try {
            MailRoutes routes = MailRoutes.start(mail, TransportSettings.defaults().withClock(clock), MailFlow.NONE);
            return new LabWorld(world, mail, routes, clock);
        } catch (Exception | Error e) {
            mail.close();
            throw e;
        }
    }

    static List<SiteSpec> siteSpecs(World world, long seed, int basePort) {
        List<SiteSpec> specs = new ArrayList<>();
        World.Organization organization = world.organization();
        specs.add(new SiteSpec(organization.name(), organization.domain(), SiteKind.ORGANIZATION,
                accounts(organization.users(), seed)));
        for (World.Provider provider : world.providers()) {
            List<World.Person> here = world.people().stream()
                    .filter(person -> person.address().endsWith("@" + provider.domain()))
                    .toList();
            specs.add(new SiteSpec(provider.name(), provider.domain(), kind(provider.kind()), accounts(here, seed)));
        }
        if (basePort > 0) {
            for (int i = 0; i < specs.size(); i++) {
                specs.set(i, specs.get(i).withPorts(Ports.fixed(basePort + 10 * i, basePort + 10 * i + 1)));
            }
        }
        return specs;
    }

    private static List<Account> accounts(List<World.Person> people, long seed) {
        return people.stream()
                .map(person -> new Account(person.address(), person.name(),
                        person.password() != null ? person.password() : Passwords.derive(seed, person.address())))
                .toList();
    }

    private static SiteKind kind(String kind) {
        return SiteKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    public World world() {
        return world;
    }

    public MailWorld mail() {
        return mail;
    }

    public MailRoutes routes() {
        return routes;
    }

    public LabClock clock() {
        return clock;
    }

    public List<Site> sites() {
        return mail.sites();
    }

    /** This person's mail client, opened on first use and kept for the run. */
    public MailClient client(String address) {
        return clients.computeIfAbsent(address.toLowerCase(Locale.ROOT), mail::client);
    }

    @Override
    public void close() {
        clients.values().forEach(MailClient::close);
        routes.close();
        mail.close();
    }
}
