package org.envelopelab.mailnet;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/**
 * One site's GreenMail instance, adapted in four ways: SMTP follows {@link SiteSmtpManager}'s
 * submission and delivery rules; its commands add the site's limits and faults
 * ({@link SiteSmtpCommands}); stopping keeps the mailboxes (an outage, not a wipe — stock
 * GreenMail forgets everything on stop); and accepted connections use TCP_NODELAY.
 */
final class SiteServer extends GreenMail {

    static final String LOOPBACK = "127.0.0.1";

    private final Site site;
    private final SiteLimits limits;

    SiteServer(Site site, Ports ports, SiteLimits limits) {
        super(new ServerSetup[] {
            new ServerSetup(ports.smtp(), LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(ports.imap(), LOOPBACK, ServerSetup.PROTOCOL_IMAP)
        });
        SiteManagers siteManagers = new SiteManagers(site);
        // Local delivery only ever reaches existing accounts: RCPT TO already refused the rest,
        // and stock GreenMail would otherwise invent an account for any address.
        siteManagers.getUserManager().setMessageDeliveryHandler((message, address) -> {
            var user = siteManagers.getUserManager().getUserByEmail(address.getEmail());
            if (user == null) {
                throw new UserException("no such user: " + address.getEmail());
            }
            return user;
        });
        this.managers = siteManagers;
        this.site = site;
        this.limits = limits;
    }

    @Override
    public synchronized void start() {
        super.start();
        // Pin dynamically chosen ports, so a restarted site comes back where clients expect it.
        config = new ServerSetup[] {smtpSetup(), imapSetup()};
    }

    ServerSetup smtpSetup() {
        return services.get(ServerSetup.PROTOCOL_SMTP).getServerSetup();
    }

    ServerSetup imapSetup() {
        return services.get(ServerSetup.PROTOCOL_IMAP).getServerSetup();
    }

    /** Stops listening and drops connections, but keeps every account and mailbox. */
    @Override
    public synchronized void stop() {
        services.values().forEach(AbstractServer::stopService);
        services.clear();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        Map<String, AbstractServer> servers = new HashMap<>();
        for (ServerSetup setup : setups) {
            if (setup.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
                servers.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        return new SmtpHandler(new SiteSmtpCommands(site, limits), managers.getSmtpManager(), socket);
                    }

                    @Override
                    protected void handleClientSocket(Socket socket) throws SocketException {
                        socket.setTcpNoDelay(true);
                        super.handleClientSocket(socket);
                    }
                });
            } else if (setup.getProtocol().equals(ServerSetup.PROTOCOL_IMAP)) {
                // GreenMail's ImapServer is final; this is the same server with TCP_NODELAY.
                servers.put(setup.getProtocol(), new AbstractServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
                    }

                    @Override
                    protected void handleClientSocket(Socket socket) throws SocketException {
                        socket.setTcpNoDelay(true);
                        super.handleClientSocket(socket);
                    }
                });
            }
        }
        return servers;
    }

    /** GreenMail's managers with the site's own SMTP rules. */
    private static final class SiteManagers extends Managers {
        private final SmtpManager smtpManager;

        SiteManagers(Site site) {
            smtpManager = new SiteSmtpManager(site, getImapHostManager(), getUserManager());
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtpManager;
        }
    }
}
