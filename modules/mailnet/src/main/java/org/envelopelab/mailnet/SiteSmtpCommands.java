package org.envelopelab.mailnet;

import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.AuthCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GreenMail's SMTP commands with what a real provider adds: EHLO advertises {@code SIZE}
 * (RFC 1870) and {@code MAIL FROM} refuses a message announced larger; {@code RCPT TO} past the
 * recipients limit is refused with 5.5.3, and so is the message's DATA; and the site's
 * {@link SiteFaults} (slow answers, a connection dropped during DATA, 4xx deferrals).
 */
final class SiteSmtpCommands extends SmtpCommandRegistry {

    private static final Pattern SIZE_PARAMETER = Pattern.compile("\\sSIZE=(\\d{1,19})", Pattern.CASE_INSENSITIVE);
    private static final String AUTH = "250 AUTH " + Arrays.stream(AuthCommand.AuthMechanism.values())
            .map(Enum::name).collect(Collectors.joining(" "));

    private final Site site;
    private final SiteLimits limits;
    /** Transactions that asked for more recipients than the limit: their DATA is refused too. */
    private final Set<SmtpState> overLimit = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));
    private final Map<String, Step> steps;

    SiteSmtpCommands(Site site, SiteLimits limits) {
        this.site = site;
        this.limits = limits;
        this.steps = Map.of("EHLO", this::ehlo, "MAIL", this::mail, "RCPT", this::rcpt, "DATA", this::data);
    }

    @Override
    public SmtpCommand getCommand(String name) {
        SmtpCommand stock = super.getCommand(name);
        Step own = steps.get(name);
        if (stock == null) {
            return null;
        }
        return new SmtpCommand() {
            @Override
            public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String line) throws IOException {
                pause();
                if (own == null) {
                    stock.execute(conn, state, manager, line);
                } else {
                    own.run(stock, conn, state, manager, line);
                }
            }
        };
    }

    private void ehlo(SmtpCommand stock, SmtpConnection conn, SmtpState state, SmtpManager manager, String line) {
        conn.setHeloName(line.length() > 5 ? line.substring(5) : null);
        state.clearMessage();
        conn.send("250-" + conn.getServerGreetingsName());
        conn.send("250-SIZE " + limits.maxMessageBytes());
        conn.send(AUTH);
    }

    private void mail(SmtpCommand stock, SmtpConnection conn, SmtpState state, SmtpManager manager, String line)
            throws IOException {
        overLimit.remove(state);
        Matcher size = SIZE_PARAMETER.matcher(line);
        if (size.find() && new java.math.BigInteger(size.group(1)).compareTo(java.math.BigInteger.valueOf(
                limits.maxMessageBytes())) > 0) {
            conn.send("552 5.3.4 Message size exceeds fixed maximum message size (" + limits.maxMessageBytes()
                    + " bytes)");
            return;
        }
        String deferral = site.faults().deferral();
        if (deferral != null) {
            conn.send(deferral);
            return;
        }
        stock.execute(conn, state, manager, line);
    }

    private void rcpt(SmtpCommand stock, SmtpConnection conn, SmtpState state, SmtpManager manager, String line)
            throws IOException {
        if (state.getMessage().getReturnPath() != null && state.getMessage().getToAddresses().size() >= limits.maxRecipients()
                && !isTransport(manager, state)) {
            overLimit.add(state);
            conn.send(tooMany());
            return;
        }
        stock.execute(conn, state, manager, line);
    }

    private void data(SmtpCommand stock, SmtpConnection conn, SmtpState state, SmtpManager manager, String line)
            throws IOException {
        if (overLimit.remove(state)) {
            state.clearMessagePreservingAuthenticationState();
            conn.send(tooMany());
            return;
        }
        if (site.faults().dropsDuringData() && state.getMessage().getReturnPath() != null
                && !state.getMessage().getToAddresses().isEmpty()) {
            conn.send("354 Start mail input; end with <CRLF>.<CRLF>");
            conn.readLine(); // the first line of the content arrives, then the site goes away
            state.clearMessage();
            conn.quit();
            return;
        }
        stock.execute(conn, state, manager, line);
    }

    private String tooMany() {
        return "550 5.5.3 Too many recipients: " + site.domain() + " accepts at most " + limits.maxRecipients()
                + " per message";
    }

    private static boolean isTransport(SmtpManager manager, SmtpState state) {
        return manager instanceof SiteSmtpManager siteManager && siteManager.isTransport(state);
    }

    private void pause() {
        long millis = site.faults().slowBy().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(SmtpCommand stock, SmtpConnection conn, SmtpState state, SmtpManager manager, String line)
                throws IOException;
    }
}
