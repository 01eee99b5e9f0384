package org.envelopelab.mailnet;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;

/**
 * A view of one account's mailbox as stored on the server — mail at rest, as the provider or
 * anyone who copied the server's store would see it, without going through IMAP.
 */
public final class Mailbox {

    public static final String INBOX = "INBOX";

    private final String address;
    private final ImapHostManager store;
    private final GreenMailUser user;

    Mailbox(String address, ImapHostManager store, GreenMailUser user) {
        this.address = address;
        this.store = store;
        this.user = user;
    }

    public String address() {
        return address;
    }

    /** Folder names, INBOX first. */
    public List<String> folders() {
        return folders(true).stream().map(MailFolder::getName).toList();
    }

    /** The messages in a folder, oldest first; an unknown folder holds nothing. */
    public List<StoredMail> messages(String folderName) {
        return folders(true).stream()
                .filter(folder -> folder.getName().equalsIgnoreCase(folderName))
                .findFirst()
                .map(Mailbox::messagesOf)
                .orElse(List.of());
    }

    public List<StoredMail> inbox() {
        return messages(INBOX);
    }

    /** Every message in every folder. */
    public List<StoredMail> all() {
        List<StoredMail> all = new ArrayList<>();
        folders(true).forEach(folder -> all.addAll(messagesOf(folder)));
        return all;
    }

    /** The first stored copy of a message, by its Message-ID header, in any folder. */
    public Optional<StoredMail> find(String messageId) {
        return all().stream().filter(mail -> messageId.equals(mail.summary().messageId())).findFirst();
    }

    private List<MailFolder> folders(boolean inboxFirst) {
        try {
            List<MailFolder> folders = new ArrayList<>(store.listMailboxes(user, "*"));
            folders.removeIf(folder -> !folder.isSelectable());
            folders.sort(Comparator.comparing((MailFolder folder) -> !(inboxFirst && folder.getName().equalsIgnoreCase(INBOX)))
                    .thenComparing(MailFolder::getName));
            return folders;
        } catch (FolderException e) {
            throw new IllegalStateException("cannot list folders of " + address, e);
        }
    }

    private static List<StoredMail> messagesOf(MailFolder folder) {
        List<StoredMail> mails = new ArrayList<>();
        for (StoredMessage message : folder.getMessages()) {
            mails.add(new StoredMail(folder.getName(), message.getUid(), bytesOf(message)));
        }
        return mails;
    }

    private static byte[] bytesOf(StoredMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.getMimeMessage().writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read stored message " + message.getUid(), e);
        }
    }
}
