package org.envelopelab.mailnet;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running mail site — an organization's tenant or an outside provider — with SMTP and IMAP on
 * 127.0.0.1, its accounts and their mailboxes. A site can be stopped (an outage: connections are
 * refused) and started again with its mailboxes intact and on the same ports.
 */
public final class Site {

    private final String name;
    private final String domain;
    private final SiteKind kind;
    private final TransportLogin transportLogin;
    private final SiteServer server;
    private final SiteLimits limits;
    private final SiteFaults faults = new SiteFaults();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private volatile SubmissionHandler submissions;
    private volatile boolean running;
    private int smtpPort;
    private int imapPort;

    Site(SiteSpec spec, TransportLogin transportLogin, SiteLimits limits) {
        this.limits = limits;
        this.name = spec.name();
        this.domain = spec.domain();
        this.kind = spec.kind();
        this.transportLogin = transportLogin;
        this.server = new SiteServer(this, spec.ports(), limits);
        spec.accounts().forEach(this::addAccount);
    }

    public String name() {
        return name;
    }

    /** The mail domain this site serves, as its MX record would say. */
    public String domain() {
        return domain;
    }

    public SiteKind kind() {
        return kind;
    }

    /** What the lab's transport signs in with to deliver here (see {@link TransportLogin}). */
    public TransportLogin transportLogin() {
        return transportLogin;
    }

    /** What the site accepts in one transaction: its size and recipients limits. */
    public SiteLimits limits() {
        return limits;
    }

    /** The trouble the site is in on purpose (slow answers, a dropped DATA, deferrals); an outage is {@link #stop()}. */
    public SiteFaults faults() {
        return faults;
    }

    public String host() {
        return SiteServer.LOOPBACK;
    }

    /** The SMTP port; fixed once the site has started for the first time. */
    public synchronized int smtpPort() {
        requireStartedOnce();
        return smtpPort;
    }

    /** The IMAP port; fixed once the site has started for the first time. */
    public synchronized int imapPort() {
        requireStartedOnce();
        return imapPort;
    }

    public boolean isRunning() {
        return running;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        server.start();
        smtpPort = server.smtpSetup().getPort();
        imapPort = server.imapSetup().getPort();
        running = true;
    }

    /** Simulates an outage: the site stops listening; its mailboxes survive. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        server.stop();
    }

    /** Whether an address belongs to this site's domain (whether or not such an account exists). */
    public boolean serves(String address) {
        return Addresses.domainOf(address).equals(domain);
    }

    public Account addAccount(Account account) {
        if (!serves(account.address())) {
            throw new IllegalArgumentException(account.address() + " does not belong to " + domain);
        }
        try {
            var users = server.getUserManager();
            GreenMailUser existing = users.getUserByEmail(account.address());
            if (existing == null) {
                users.createUser(account.address(), account.login(), account.password());
            } else {
                existing.setPassword(account.password());
            }
        } catch (UserException e) {
            throw new IllegalArgumentException("cannot create account " + account.address() + ": " + e.getMessage(), e);
        }
        accounts.put(account.address(), account);
        return account;
    }

    public Optional<Account> account(String address) {
        return Optional.ofNullable(accounts.get(Addresses.normalize(address)));
    }

    public List<Account> accounts() {
        return accounts.values().stream().sorted((a, b) -> a.address().compareTo(b.address())).toList();
    }

    /** What an account's mailbox holds right now, read from the server's store (mail at rest). */
    public Mailbox mailbox(String address) {
        Account account = account(address).orElseThrow(
                () -> new IllegalArgumentException("no account " + address + " at " + name));
        return new Mailbox(account.address(), server.getManagers().getImapHostManager(),
                server.getUserManager().getUserByEmail(account.address()));
    }

    /** Every mailbox at this site. */
    public Collection<Mailbox> mailboxes() {
        return accounts().stream().map(account -> mailbox(account.address())).toList();
    }

    void onSubmission(SubmissionHandler handler) {
        this.submissions = handler;
    }

    void submitted(Submission submission) throws Exception {
        SubmissionHandler handler = submissions;
        if (handler == null) {
            throw new IllegalStateException(name + " has no transport attached");
        }
        handler.accept(submission);
    }

    private void requireStartedOnce() {
        if (smtpPort == 0) {
            throw new IllegalStateException(name + " has not been started");
        }
    }

    @Override
    public String toString() {
        return name + " (" + domain + ")";
    }
}
