package org.envelopelab.mailnet;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.auth.AuthenticationState;
import com.icegreen.greenmail.smtp.auth.LoginAuthenticationState;
import com.icegreen.greenmail.smtp.auth.PlainAuthenticationState;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.WeakHashMap;

/**
 * A site's SMTP rules, as a real provider has them:
 * <ul>
 *   <li>signed-in users <em>submit</em>: they may send only as themselves, to anyone, and the
 *       message goes to the transport (the {@link SubmissionHandler}), never straight into a
 *       mailbox;</li>
 *   <li>the lab's transport, signed in with the world's {@link TransportLogin}, <em>delivers</em>:
 *       only to accounts of this site, from any sender;</li>
 *   <li>everyone else is an outside server delivering MX-style: only to accounts of this site
 *       (unknown users get 550 5.1.1 at RCPT, other domains 550 5.7.1: no open relay), and never
 *       as a sender of this site's own domain (550 5.7.1 at MAIL FROM), which only spoofed mail
 *       would claim — Exchange Online Protection treats such mail the same way.</li>
 * </ul>
 * GreenMail keeps the AUTH credentials on the message even when AUTH failed, and drops them with
 * every message (after DATA, on RSET) although the session stays signed in. So "signed in" is
 * decided here: credentials are checked again when they appear, and remembered per connection.
 */
final class SiteSmtpManager extends SmtpManager {

    /** Who signed in on a connection: a person of this site, or the lab's transport. */
    private record SignedIn(String address, boolean transport) {
    }

    private final Site site;
    private final UserManager users;
    private final TransportLogins logins;
    /** The Message-IDs delivered into each mailbox, so a retried delivery is stored once. */
    private final Map<String, Set<String>> deliveredIds = new ConcurrentHashMap<>();
    private final Map<SmtpState, SignedIn> signedInSessions = Collections.synchronizedMap(new WeakHashMap<>());

    SiteSmtpManager(Site site, ImapHostManager imapHostManager, UserManager userManager) {
        super(imapHostManager, userManager);
        this.site = site;
        this.users = userManager;
        this.logins = new TransportLogins(imapHostManager, userManager, site.transportLogin());
    }

    /** GreenMail's AUTH command checks logins here: the site's accounts, and the transport's login. */
    @Override
    public UserManager getUserManager() {
        return logins;
    }

    @Override
    public String checkSender(SmtpState state, MailAddress sender) {
        Optional<SignedIn> signedIn = signedInAs(state);
        if (signedIn.isEmpty()) {
            return site.serves(sender.getEmail())
                    ? "550 5.7.1 <" + sender.getEmail() + ">: unauthenticated mail may not claim to be from "
                            + site.domain() + "; its own users sign in to send (this looks like spoofing)"
                    : null;
        }
        SignedIn who = signedIn.get();
        if (!who.transport() && !who.address().equalsIgnoreCase(sender.getEmail())) {
            return "550 5.7.60 " + who.address() + " is not allowed to send as " + sender.getEmail();
        }
        return null;
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress recipient) {
        String address = recipient.getEmail();
        if (!Addresses.isValid(address)) {
            return "501 5.1.3 <" + address + ">: bad recipient address syntax";
        }
        if (signedInAs(state).filter(who -> !who.transport()).isPresent()) {
            return null;
        }
        if (users.getUserByEmail(address) != null) {
            return null;
        }
        if (site.serves(address)) {
            return "550 5.1.1 <" + address + ">: no such user here";
        }
        return "550 5.7.1 <" + address + ">: relaying denied, sign in to send to other domains";
    }

    @Override
    public void send(SmtpState state) {
        MovingMessage message = state.getMessage();
        Optional<SignedIn> signedIn = signedInAs(state);
        if (signedIn.isEmpty() || signedIn.get().transport()) {
            deliverOnce(state, message);
            return;
        }
        List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).sorted().toList();
        try {
            site.submitted(new Submission(site, signedIn.get().address(), recipients, bytesOf(message)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("transport did not accept the message: " + e.getMessage(), e);
        }
    }

    /**
     * Stores a delivery, but not again in a mailbox that already got the same Message-ID: when a
     * connection breaks after the site stored a message but before its "250" reached the sender,
     * the sender tries again, and Exchange's mailbox delivery drops such a duplicate the same way.
     */
    private void deliverOnce(SmtpState state, MovingMessage message) {
        String id = messageIdOf(message);
        if (id == null) {
            super.send(state);
            return;
        }
        List<MailAddress> already = message.getToAddresses().stream()
                .filter(address -> deliveredIds.getOrDefault(Addresses.normalize(address.getEmail()), Set.of()).contains(id))
                .toList();
        already.forEach(message::removeRecipient);
        if (!message.getToAddresses().isEmpty()) {
            super.send(state);
            message.getToAddresses().forEach(address -> deliveredIds.computeIfAbsent(
                    Addresses.normalize(address.getEmail()), key -> ConcurrentHashMap.newKeySet()).add(id));
        }
    }

    private static String messageIdOf(MovingMessage message) {
        try {
            return message.getMessage() == null ? null : message.getMessage().getMessageID();
        } catch (jakarta.mail.MessagingException unreadable) {
            return null;
        }
    }

    private static byte[] bytesOf(MovingMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // GreenMail adds Return-Path at receipt; that header belongs to final delivery only.
            message.getMessage().writeTo(out, new String[] {"Return-Path"});
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the submitted message", e);
        }
    }

    /** Whether this session is the lab's transport, signed in to deliver. */
    boolean isTransport(SmtpState session) {
        return signedInAs(session).filter(SignedIn::transport).isPresent();
    }

    private Optional<SignedIn> signedInAs(SmtpState session) {
        Optional<SignedIn> verified = verify(session.getMessage().getAuthenticationState());
        if (verified.isPresent()) {
            signedInSessions.put(session, verified.get());
            return verified;
        }
        return Optional.ofNullable(signedInSessions.get(session));
    }

    private Optional<SignedIn> verify(AuthenticationState auth) {
        String login;
        String password;
        if (auth instanceof PlainAuthenticationState plain) {
            login = plain.getAuthenticationId();
            password = plain.getPassword();
        } else if (auth instanceof LoginAuthenticationState loginState) {
            login = loginState.getUsername();
            password = loginState.getPassword();
        } else {
            return Optional.empty();
        }
        if (site.transportLogin().matches(login, password)) {
            return Optional.of(new SignedIn(TransportLogin.LOGIN, true));
        }
        if (login == null || !users.test(login, password)) {
            return Optional.empty();
        }
        GreenMailUser user = users.getUser(login);
        return Optional.ofNullable(user).map(found -> new SignedIn(found.getEmail(), false));
    }

    /** The site's logins as GreenMail's AUTH command sees them: its accounts plus the transport. */
    private static final class TransportLogins extends UserManager {
        private final UserManager accounts;
        private final TransportLogin transport;

        TransportLogins(ImapHostManager imapHostManager, UserManager accounts, TransportLogin transport) {
            super(imapHostManager);
            this.accounts = accounts;
            this.transport = transport;
        }

        @Override
        public boolean test(String login, String password) {
            return transport.matches(login, password) || accounts.test(login, password);
        }
    }
}
