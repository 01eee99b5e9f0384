package org.envelopelab.mailnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The lab's small mail world: one GreenMail site per organization and provider, all on
 * 127.0.0.1, and a {@link Directory} that says which site takes mail for which domain.
 * Moving mail between sites is not the world's job — a {@link SubmissionHandler} (the
 * transport) receives everything users submit.
 */
public final class MailWorld implements AutoCloseable {

    private final List<Site> sites;
    private final Directory directory;

    private MailWorld(List<Site> sites) {
        this.sites = Collections.unmodifiableList(sites);
        this.directory = new Directory(sites);
    }

    /** Creates and starts a site for every spec, with the default limits. */
    public static MailWorld start(List<SiteSpec> specs) {
        return start(specs, SiteLimits.defaults());
    }

    /** Creates and starts a site for every spec; every site has these limits. */
    public static MailWorld start(List<SiteSpec> specs, SiteLimits limits) {
        MailStreams.nameTheProvider();
        List<Site> sites = new ArrayList<>();
        TransportLogin transportLogin = TransportLogin.create();
        specs.forEach(spec -> sites.add(new Site(spec, transportLogin, limits)));
        MailWorld world = new MailWorld(sites);
        try {
            sites.forEach(Site::start);
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
        return world;
    }

    public List<Site> sites() {
        return sites;
    }

    public Directory directory() {
        return directory;
    }

    /** The site with this name or domain. */
    public Site site(String nameOrDomain) {
        return sites.stream()
                .filter(site -> site.name().equalsIgnoreCase(nameOrDomain) || site.domain().equalsIgnoreCase(nameOrDomain))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site named " + nameOrDomain));
    }

    public Optional<Account> account(String address) {
        return directory.siteFor(address).flatMap(site -> site.account(address));
    }

    /** A new mail client for an account, talking to the account's own site. */
    public MailClient client(String address) {
        Site site = directory.siteFor(address)
                .orElseThrow(() -> new IllegalArgumentException("no site serves " + address));
        Account account = site.account(address)
                .orElseThrow(() -> new IllegalArgumentException("no account " + address + " at " + site.name()));
        return new MailClient(site, account);
    }

    /** Hands every site's submitted mail to the transport. */
    public void onSubmission(SubmissionHandler handler) {
        sites.forEach(site -> site.onSubmission(handler));
    }

    @Override
    public void close() {
        sites.forEach(Site::stop);
    }
}
