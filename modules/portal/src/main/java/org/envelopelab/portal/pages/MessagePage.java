package org.envelopelab.portal.pages;

import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.portal.PortalView;
import org.envelopelab.service.protection.Expiry;
import org.envelopelab.service.rights.Right;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The protected message as a signed-in recipient reads it, with only the actions their rights
 * grant: no forward form without FORWARD, no print hint without PRINT (and a printout that says
 * "may not be printed"), text that cannot be selected without COPY. The page enforces nothing —
 * the service refuses a forbidden reply or forward whatever is posted — it just does not offer it.
 *
 * @param text     the plain-text body, shown in a pre, or null
 * @param html     the sender's HTML, or null: shown only inside a sandboxed srcdoc frame, which runs no script
 * @param htmlAlso whether there is text as well, so the HTML is folded away as "the formatted version"
 * @param rights   the rights, as labels: "view, reply, reply-all"
 */
public record MessagePage(Look look, String title, String subject, String from, String sent, String expires, String text,
                          String html, boolean htmlAlso, List<AttachmentLink> attachments, String rights, boolean canReply,
                          boolean canReplyAll, boolean canForward, boolean canPrint, boolean canCopy, String replyAction,
                          String forwardAction, String signOutAction, String csrf) {

    public static MessagePage of(Look look, String token, PortalView view, String csrf) {
        List<AttachmentLink> files = new ArrayList<>();
        for (int i = 0; i < view.attachments().size(); i++) {
            Attachment file = view.attachments().get(i);
            files.add(new AttachmentLink(file.name(), Links.attachment(token, i), AttachmentLink.sizeOf(file.bytes().length)));
        }
        String text = blankToNull(view.text());
        String html = blankToNull(view.html());
        return new MessagePage(look, view.subject(), view.subject(), view.from(),
                view.sentAt() == null ? null : Expiry.describe(view.sentAt()),
                view.expires() == null ? null : Expiry.describe(view.expires()),
                text, html, text != null && html != null, files,
                view.rights().stream().map(Right::label).collect(Collectors.joining(", ")),
                view.rights().contains(Right.REPLY), view.rights().contains(Right.REPLY_ALL),
                view.rights().contains(Right.FORWARD), view.rights().contains(Right.PRINT), view.rights().contains(Right.COPY),
                Links.reply(token), Links.forward(token), Links.signOut(token), csrf);
    }

    public boolean hasAttachments() {
        return !attachments.isEmpty();
    }

    /** Read by the page header: a printout of this page shows only "may not be printed". */
    public boolean noPrint() {
        return !canPrint;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
