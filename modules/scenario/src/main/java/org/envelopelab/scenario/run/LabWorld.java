package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.Ports;
import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.people.People;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.routes.MailRoutes;
import org.envelopelab.routes.TransportSettings;
import org.envelopelab.routes.delivery.RetrySchedule;
import org.envelopelab.transport.MailFlow;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.LabPki;
import org.envelopelab.portal.IdentityProvider;
import org.envelopelab.portal.PortalAddress;
import org.envelopelab.portal.PortalServer;
import org.envelopelab.scenario.script.CertificateSpec;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.scenario.script.World;
import org.envelopelab.smime.client.SmimeClient;
import org.envelopelab.smime.client.SmimeClients;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scenario's world, running: one mail site for the organization and one per provider, every
 * person's account (password from the script or derived from the seed), the transport, the lab
 * clock, the certificate authorities, the organization's message encryption service and its
 * portal, and the people with their own clients, all writing to one timeline of evidence.
 * {@code lab run} and {@code lab serve} both use it.
 */
public final class LabWorld implements AutoCloseable {

    private final World world;
    private final MailWorld mail;
    private final MailRoutes routes;
    private final LabClock clock;
    private final LabPki pki;
    private final SmimeClients smimeClients;
    private final LabService service;
    private final PortalServer portal;
    private final Timeline timeline;
    private final People people;

    private LabWorld(World world, MailWorld mail, MailRoutes routes, LabClock clock, LabPki pki, SmimeClients smimeClients,
                     LabService service, PortalServer portal, Timeline timeline, People people) {
        this.service = service;
        this.portal = portal;
        this.timeline = timeline;
        this.people = people;
        this.world = world;
        this.mail = mail;
        this.routes = routes;
        this.clock = clock;
        this.pki = pki;
        this.smimeClients = smimeClients;
    }

    /** Starts a scenario's world: its people, the certificates it hands out, and its encryption service. */
    public static LabWorld start(Scenario scenario, int basePort) throws Exception {
        return start(scenario.world(), scenario.certificates(), scenario.service(), scenario.seed(), scenario.clock(), basePort);
    }

    /**
     * Starts the world.
     *
     * @param world    who exists
     * @param seed     derives the passwords nobody chose (the story); never a secret: keys, link
     *                 tokens, passcodes, reference codes, session ids and the portal's CSRF key
     *                 come from the operating system's {@link SecureRandom}, so a second copy of
     *                 the lab built from the same scenario predicts none of them
     * @param start    the lab clock's start
     * @param basePort 0 for free ports; otherwise the {@link PortLayout} from there (an
     *                 {@link IllegalArgumentException} when it does not fit below port 65535)
     */
    public static LabWorld start(World world, List<CertificateSpec> certificates, ServiceConfig serviceConfig, long seed,
                                 Instant start, int basePort) throws Exception {
        return start(world, certificates, serviceConfig, seed, start, basePort, RetrySchedule.labTime());
    }

    /** As above, with the transport's retries on another schedule (real time, for {@code lab load}). */
    public static LabWorld start(World world, List<CertificateSpec> certificates, ServiceConfig serviceConfig, long seed,
                                 Instant start, int basePort, RetrySchedule retry) throws Exception {
        PortLayout ports = new PortLayout(basePort, 1 + world.providers().size());
        List<SiteSpec> specs = siteSpecs(world, seed, ports);
        LabClock clock = new LabClock(start);
        LabPki pki = new LabPki(clock, new SecureRandom());
        SmimeClients smimeClients = smimeClients(world, certificates, pki);
        // One pass: the portal's address is reserved first (the service writes it into every wrapper),
        // the service's mail-flow step goes into the transport, the service's own mail goes through
        // the transport, and the portal starts on its address over the service's API.
        PortalAddress portalAddress = serviceConfig == null ? null : PortalAddress.reserve("127.0.0.1", ports.portal());
        MailWorld mail = null;
        MailRoutes routes = null;
        try {
            LabService.InTransport inTransport = serviceConfig == null ? null
                    : LabService.prepare(serviceConfig, clock, new SecureRandom(), portalAddress.uri());
            mail = MailWorld.start(specs);
            routes = MailRoutes.start(mail, TransportSettings.defaults().withRetry(retry).withClock(clock),
                    inTransport == null ? MailFlow.NONE : inTransport.flow());
            LabService service = inTransport == null ? null : inTransport.connect(routes, clock);
            PortalServer portal = service == null ? null : PortalServer.start(portalAddress, clock, new SecureRandom(),
                    service.portal(), identityProvider(mail, world));
            Timeline timeline = new Timeline(clock);
            People people = new People(mail, smimeClients, service == null ? null : service.protection().reader(),
                    timeline, clock);
            return new LabWorld(world, mail, routes, clock, pki, smimeClients, service, portal, timeline, people);
        } catch (Exception | Error e) {
            if (routes != null) {
                routes.close();
            }
            if (mail != null) {
                mail.close();
            }
            if (portalAddress != null) {
                portalAddress.close();
            }
            throw e;
        }
    }

    /**
     * The simulated Gmail-, Yahoo- and Outlook.com-like sign-in the portal offers when the
     * branding allows social sign-in: people sign in with their mail account's password.
     */
    private static IdentityProvider identityProvider(MailWorld mail, World world) {
        List<String> consumer = world.providers().stream()
                .filter(provider -> List.of("gmail", "yahoo", "outlook").contains(provider.kind()))
                .map(World.Provider::domain)
                .toList();
        return new IdentityProvider() {
            @Override
            public boolean signIn(String address, String password) {
                return consumer.contains(address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT))
                        && mail.account(address).map(account -> MessageDigest.isEqual(
                                account.password().getBytes(StandardCharsets.UTF_8),
                                password.getBytes(StandardCharsets.UTF_8))).orElse(false);
            }

            @Override
            public List<String> domains() {
                return consumer;
            }
        };
    }

    /** Everyone gets an S/MIME-capable client; those listed under certificates also get a key and certificate. */
    private static SmimeClients smimeClients(World world, List<CertificateSpec> certificates, LabPki pki) {
        SmimeClients clients = new SmimeClients();
        for (World.Person person : world.everyone()) {
            Credential credential = certificates.stream()
                    .filter(spec -> spec.address().equals(person.address()))
                    .findFirst()
                    .map(spec -> issue(world, spec, person, pki))
                    .orElse(null);
            clients.register(new SmimeClient(person.address(), credential, pki.validator(), pki.directory(), pki.clock()));
        }
        return clients;
    }

    private static Credential issue(World world, CertificateSpec spec, World.Person person, LabPki pki) {
        CertificateAuthority ca = !spec.trusted() ? pki.unknownCa() : issuerFor(world, person.address(), pki);
        return spec.expired() ? pki.issueExpired(ca, person.address(), person.name(), spec.key())
                : pki.issue(ca, person.address(), person.name(), spec.key());
    }

    /** An organization's people get certificates from its own CA; consumer providers' people from the public CA. */
    private static CertificateAuthority issuerFor(World world, String address, LabPki pki) {
        if (address.endsWith("@" + world.organization().domain())) {
            return pki.organizationCa(world.organization().name());
        }
        return world.providers().stream()
                .filter(provider -> address.endsWith("@" + provider.domain()) && provider.kind().equals("organization"))
                .findFirst()
                .map(provider -> pki.organizationCa(provider.name()))
                .orElseGet(pki::publicCa);
    }

    static List<SiteSpec> siteSpecs(World world, long seed, PortLayout ports) {
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
        if (ports.fixed()) {
            for (int i = 0; i < specs.size(); i++) {
                specs.set(i, specs.get(i).withPorts(Ports.fixed(ports.smtp(i), ports.imap(i))));
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

    /** The organization's message encryption service, when the scenario configures one. */
    public Optional<LabService> service() {
        return Optional.ofNullable(service);
    }

    /** The portal's address, when the world has a message encryption service. */
    public Optional<URI> portalUri() {
        return Optional.ofNullable(portal).map(PortalServer::uri);
    }

    /** Everyone with a mailbox, with their own clients. */
    public People people() {
        return people;
    }

    /** The evidence of who could read what, as the run records it. */
    public Timeline timeline() {
        return timeline;
    }

    public LabPki pki() {
        return pki;
    }

    public SmimeClients smimeClients() {
        return smimeClients;
    }

    public List<Site> sites() {
        return mail.sites();
    }

    @Override
    public void close() {
        people.close();
        routes.close();
        mail.close();
        if (portal != null) {
            portal.close();
        }
    }
}
