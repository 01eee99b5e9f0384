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
import java.util.WeakHashMap;

/**
 * A site's SMTP rules, as a real provider has them:
 * <ul>
 *   <li>signed-in users <em>submit</em>: they may send only as themselves, to anyone, and the
 *       message goes to the transport (the {@link SubmissionHandler}), never straight into a
 *       mailbox;</li>
 *   <li>everyone else <em>delivers</em> (MX-style, as the transport does): only to accounts of
 *       this site; unknown users get 550 5.1.1 at RCPT, other domains get 550 5.7.1 (no open
 *       relay).</li>
 * </ul>
 * GreenMail keeps the AUTH credentials on the message even when AUTH failed, and drops them with
 * every message (after DATA, on RSET) although the session stays signed in. So "signed in" is
 * decided here: credentials are checked again when they appear, and remembered per connection.
 */
final class SiteSmtpManager extends SmtpManager {

    private final Site site;
    private final Map<SmtpState, String> signedInSessions = Collections.synchronizedMap(new WeakHashMap<>());

    SiteSmtpManager(Site site, ImapHostManager imapHostManager, UserManager userManager) {
        super(imapHostManager, userManager);
        this.site = site;
    }

    @Override
    public String checkSender(SmtpState state, MailAddress sender) {
        Optional<String> user = signedInAs(state);
        if (user.isPresent() && !user.get().equalsIgnoreCase(sender.getEmail())) {
            return "550 5.7.60 " + user.get() + " is not allowed to send as " + sender.getEmail();
        }
        return null;
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress recipient) {
        String address = recipient.getEmail();
        if (!Addresses.isValid(address)) {
            return "501 5.1.3 <" + address + ">: bad recipient address syntax";
        }
        if (signedInAs(state).isPresent()) {
            return null;
        }
        if (getUserManager().getUserByEmail(address) != null) {
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
        Optional<String> user = signedInAs(state);
        if (user.isEmpty()) {
            super.send(state);
            return;
        }
        List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).sorted().toList();
        try {
            site.submitted(new Submission(site, user.get(), recipients, bytesOf(message)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("transport did not accept the message: " + e.getMessage(), e);
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

    private Optional<String> signedInAs(SmtpState session) {
        Optional<String> verified = verify(session.getMessage().getAuthenticationState());
        if (verified.isPresent()) {
            signedInSessions.put(session, verified.get());
            return verified;
        }
        return Optional.ofNullable(signedInSessions.get(session));
    }

    private Optional<String> verify(AuthenticationState auth) {
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
        if (login == null || !getUserManager().test(login, password)) {
            return Optional.empty();
        }
        GreenMailUser user = getUserManager().getUser(login);
        return Optional.ofNullable(user).map(GreenMailUser::getEmail);
    }
}
