package org.envelopelab.mailnet;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's mail client: it submits over SMTP with AUTH to the person's own site (one
 * connection, reused), keeps a copy in Sent, and reads folders over IMAP — what Thunderbird
 * does, minus the screen. Not thread-safe per instance; give each simulated person their own.
 */
public final class MailClient implements AutoCloseable {

    public static final String SENT = "Sent";

    private final Site site;
    private final Account account;
    private Transport smtp;
    private Store imap;

    MailClient(Site site, Account account) {
        this.site = site;
        this.account = account;
    }

    public Account account() {
        return account;
    }

    public Site site() {
        return site;
    }

    /** Submits to every To, Cc and Bcc recipient; Bcc never leaves the client as a header. */
    public synchronized void submit(MimeMessage message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        if (recipients == null || recipients.length == 0) {
            throw new MessagingException("the message has no recipients");
        }
        submit(message, recipients);
    }

    /** Submits to the given envelope recipients. */
    public synchronized void submit(MimeMessage message, List<String> recipients) throws MessagingException {
        Address[] addresses = new Address[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(recipients.get(i), true);
        }
        submit(message, addresses);
    }

    private void submit(MimeMessage message, Address[] recipients) throws MessagingException {
        boolean reused = smtp != null;
        try {
            smtp().sendMessage(message, recipients);
        } catch (SendFailedException refused) {
            throw refused;
        } catch (MessagingException broken) {
            closeQuietly(smtp);
            smtp = null;
            if (!reused) {
                throw broken;
            }
            // The reused connection had gone stale (the site restarted, or it timed us out): once more, fresh.
            smtp().sendMessage(message, recipients);
        }
    }

    /** Appends a copy to the Sent folder over IMAP, creating the folder on first use. */
    public synchronized void saveToSent(MimeMessage message) throws MessagingException {
        Folder sent = imap().getFolder(SENT);
        if (!sent.exists()) {
            sent.create(Folder.HOLDS_MESSAGES);
        }
        message.setFlag(Flags.Flag.SEEN, true);
        sent.appendMessages(new Message[] {message});
    }

    /** Downloads every message in a folder over IMAP (marking them read, as opening them would). */
    public synchronized List<StoredMail> fetch(String folderName) throws MessagingException {
        Folder folder = imap().getFolder(folderName);
        if (!folder.exists()) {
            return List.of();
        }
        folder.open(Folder.READ_WRITE);
        try {
            List<StoredMail> mails = new ArrayList<>();
            UIDFolder uids = (UIDFolder) folder;
            for (Message message : folder.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                mails.add(new StoredMail(folder.getName(), uids.getUID(message), raw.toByteArray()));
            }
            return mails;
        } catch (IOException e) {
            throw new MessagingException("cannot download from " + folderName + ": " + e.getMessage(), e);
        } finally {
            folder.close(false);
        }
    }

    public List<StoredMail> inbox() throws MessagingException {
        return fetch(Mailbox.INBOX);
    }

    private Transport smtp() throws MessagingException {
        if (smtp == null) {
            Transport transport = MailSessions.smtp(site.host(), site.smtpPort(), true).getTransport("smtp");
            transport.connect(site.host(), site.smtpPort(), account.login(), account.password());
            smtp = transport;
        }
        return smtp;
    }

    private Store imap() throws MessagingException {
        if (imap == null || !imap.isConnected()) {
            Store store = MailSessions.imap(site.host(), site.imapPort()).getStore("imap");
            store.connect(site.host(), site.imapPort(), account.login(), account.password());
            imap = store;
        }
        return imap;
    }

    @Override
    public synchronized void close() {
        closeQuietly(smtp);
        smtp = null;
        if (imap != null) {
            try {
                imap.close();
            } catch (MessagingException ignored) {
                // closing a dead connection has nothing left to tell us
            }
            imap = null;
        }
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // closing a dead connection has nothing left to tell us
            }
        }
    }
}
