package org.envelopelab.portal.reading;

import io.javalin.http.Context;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.envelopelab.portal.guard.CsrfTokens;
import org.envelopelab.portal.guard.Forms;
import org.envelopelab.portal.guard.PortalCookies;
import org.envelopelab.portal.guard.Refusal;
import org.envelopelab.portal.pages.Links;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.MessagePage;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.portal.pages.NoticePage;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.portal.PortalLanding;
import org.envelopelab.service.portal.Reply;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The signed-in pages: the message, a reply, a forward. Each asks the service with the session
 * cookie and the token of the link it came in on, so a session started on one message's link
 * opens nothing else; the service checks the session, a fresh license and the rights every time.
 */
public final class MessagePages {

    private static final int LONGEST_REPLY = 20_000;
    private static final int MOST_FORWARD_ADDRESSES = 20;

    private final PortalApi api;
    private final Pages pages;
    private final CsrfTokens csrf;

    public MessagePages(PortalApi api, Pages pages, CsrfTokens csrf) {
        this.api = api;
        this.pages = pages;
        this.csrf = csrf;
    }

    /** GET /read/{token}/message. */
    public void message(Context ctx) {
        String token = ctx.pathParam("token");
        PortalLanding landing = api.landing(token);
        String session = PortalCookies.session(ctx);
        MessagePage page = MessagePage.of(Look.of(landing.branding()), token, api.open(token, session),
                csrf.forSession(session));
        pages.show(ctx, 200, "message", page);
    }

    /** POST /read/{token}/reply: text, and all=true for reply all. */
    public void reply(Context ctx) {
        String session = csrf.requireSessionToken(ctx);
        String token = ctx.pathParam("token");
        PortalLanding landing = api.landing(token);
        String text = Forms.required(ctx, "text", LONGEST_REPLY, "Write a reply of at most " + LONGEST_REPLY + " characters.");
        boolean all = "true".equals(ctx.formParam("all"));
        Reply reply = api.reply(token, session, text, all);
        pages.show(ctx, 200, "notice", NoticePage.sent(Look.of(landing.branding()), "Reply sent",
                (all ? "Your reply to everyone on the message" : "Your reply to the sender")
                        + " is on its way. It leaves through the sender's organization, protected as the message was.",
                Links.message(token), "Back to the message", reply.messageId(), reply.recipients()));
    }

    /** POST /read/{token}/forward: to, one or more addresses. The service refuses it unless the rights grant forward. */
    public void forward(Context ctx) {
        String session = csrf.requireSessionToken(ctx);
        String token = ctx.pathParam("token");
        PortalLanding landing = api.landing(token);
        List<String> to = addresses(Forms.required(ctx, "to", 2_000, "Enter the addresses to forward to."));
        Reply forward = api.forward(token, session, to);
        pages.show(ctx, 200, "notice", NoticePage.sent(Look.of(landing.branding()), "Message forwarded",
                "The message is on its way to " + String.join(", ", to) + ", protected for them by the sender's organization.",
                Links.message(token), "Back to the message", forward.messageId(), forward.recipients()));
    }

    private static List<String> addresses(String written) {
        try {
            List<String> to = Arrays.stream(InternetAddress.parse(written, true))
                    .map(address -> address.getAddress().toLowerCase(Locale.ROOT)).distinct().toList();
            if (to.isEmpty() || to.size() > MOST_FORWARD_ADDRESSES || to.stream().anyMatch(address -> !address.contains("@"))) {
                throw Refusal.badInput("Enter between 1 and " + MOST_FORWARD_ADDRESSES + " full email addresses, separated by commas.");
            }
            return to;
        } catch (AddressException e) {
            throw Refusal.badInput("Enter between 1 and " + MOST_FORWARD_ADDRESSES + " full email addresses, separated by commas.");
        }
    }
}
