package org.envelopelab.portal;

import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.routes.MailRoutes;
import org.envelopelab.routes.TransportSettings;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.branding.BrandingTemplates;
import org.envelopelab.service.mailflow.MessageEncryptionFlow;
import org.envelopelab.service.mailflow.ServiceMail;
import org.envelopelab.service.portal.PasscodeMail;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.ApplyBranding;
import org.envelopelab.service.rules.ApplyProtection;
import org.envelopelab.service.rules.ContainsSensitiveInfo;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.rules.Scope;
import org.envelopelab.service.rules.SentTo;
import org.envelopelab.service.rules.SubjectContains;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.service.wrapper.WrapperMessage;
import org.envelopelab.testkit.MovableClock;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole small mail world for the portal's tests, as the lab runs it: Contoso Bank (an
 * organization on E5, so revocation and expiry work) with its Camel transport and message
 * encryption service, a Gmail-like and a Yahoo-like provider on GreenMail, the portal server on
 * 127.0.0.1 attached to the service's {@link PortalApi}, and a simulated identity provider that
 * checks the accounts' mail passwords. People read their mail over IMAP.
 *
 * <p>Mail flow rules: card numbers to outside recipients get Encrypt-Only; a subject with
 * "confidential" gets Do Not Forward instead; a subject with "expiring" gets the branding
 * template whose mail expires after one day.
 */
final class PortalLab implements AutoCloseable {

    static final String ALICE = "alice@contoso-bank.example";
    static final String BOB = "bob@contoso-bank.example";
    static final String CAROL = "carol@gmail.example";
    static final String EVE = "eve@gmail.example";
    static final String ERIN = "erin@yahoo.example";
    static final String PASSWORD = "correct horse battery staple";
    /** The secret in every test message: it must never show anywhere but on the message page. */
    static final String CARD = "4111 1111 1111 1111";
    static final String SHORT_LIVED = "Short-lived";

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Pattern PASSCODE = Pattern.compile("passcode:\\s+(\\d{8})");

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final MailWorld world;
    final ProtectionService protection;
    final PortalApi api;
    final PortalServer portal;
    private final MailRoutes routes;

    PortalLab() throws Exception {
        world = MailWorld.start(List.of(
                new SiteSpec("Contoso Bank", "contoso-bank.example", SiteKind.ORGANIZATION, List.of(
                        new Account(ALICE, "Alice Adams", PASSWORD), new Account(BOB, "Bob Brown", PASSWORD))),
                new SiteSpec("Gmail", "gmail.example", SiteKind.GMAIL, List.of(
                        new Account(CAROL, "Carol Chen", PASSWORD), new Account(EVE, "Eve Evans", PASSWORD))),
                new SiteSpec("Yahoo", "yahoo.example", SiteKind.YAHOO, List.of(new Account(ERIN, "Erin Ellis", PASSWORD)))));
        Tenant tenant = new Tenant("Contoso Bank", "contoso-bank.example", Set.of(ALICE, BOB), Map.of(), Plan.OFFICE_365_E5,
                Set.of());
        protection = new ProtectionService(tenant, clock, new SecureRandom(), new AuditLog(clock));
        BrandingTemplates branding = new BrandingTemplates(tenant);
        branding.replaceDefault(contosoBranding(BrandingTemplate.DEFAULT_NAME, 0));
        branding.add(contosoBranding(SHORT_LIVED, 1));
        List<FlowRule> rules = List.of(
                new FlowRule("Card data leaving the bank", List.of(new SentTo(Scope.OUTSIDE),
                        new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER), 1)), List.of(),
                        List.of(new ApplyProtection(RightsTemplate.ENCRYPT_ONLY)), false),
                new FlowRule("Confidential is Do Not Forward", List.of(new SubjectContains(List.of("confidential"))), List.of(),
                        List.of(new ApplyProtection(RightsTemplate.DO_NOT_FORWARD)), false),
                new FlowRule("Expiring mail is short-lived", List.of(new SubjectContains(List.of("expiring"))), List.of(),
                        List.of(new ApplyBranding(SHORT_LIVED)), false));
        // Wired as the lab wires a world, in one pass: the portal's address first, then the service's
        // step in the transport, then the service's own mail through it, then the portal on its address.
        PortalAddress address = PortalAddress.reserve("127.0.0.1", 0);
        MessageEncryptionFlow flow = new MessageEncryptionFlow(protection, new RuleEngine(tenant), rules,
                new TemplateCatalog(List.of()), branding, null, address.uri());
        routes = MailRoutes.start(world, TransportSettings.defaults().withClock(clock), flow);
        ServiceMail mail = new ServiceMail(tenant, routes, clock);
        api = new PortalApi(protection, mail, mail, mail);
        portal = PortalServer.start(address, clock, new SecureRandom(), api, new IdentityProvider() {
            @Override
            public boolean signIn(String address, String password) {
                return world.account(address).map(account -> account.password().equals(password)).orElse(false);
            }

            @Override
            public List<String> domains() {
                return List.of("gmail.example", "yahoo.example");
            }
        });
    }

    /** Alice's statement to the given outside recipients (Bob on copy): the card number in the text and in a CSV file. */
    String sendStatement(String subject, String... to) throws Exception {
        return sendStatementWithFile(subject, "statement.csv", to);
    }

    /** The same statement, its file named as given. */
    String sendStatementWithFile(String subject, String fileName, String... to) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(ALICE, "Alice Adams"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
        message.setRecipients(Message.RecipientType.CC, InternetAddress.parse(BOB));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Dear customer,\n\nyour card " + CARD + " shows a balance of USD 1,284.10.\n\nAlice", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(statementCsv(), "text/csv")));
        file.setFileName(fileName);
        message.setContent(new MimeMultipart("mixed", text, file));
        message.saveChanges();
        try (MailClient alice = world.client(ALICE)) {
            alice.submit(message);
        }
        settle();
        return message.getMessageID();
    }

    static byte[] statementCsv() {
        return ("date,card,amount\r\n2026-02-27," + CARD + ",1284.10\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    void settle() throws InterruptedException {
        if (!routes.awaitSettled(SETTLE)) {
            throw new IllegalStateException("the transport did not settle within " + SETTLE);
        }
    }

    /** The link in the wrapper of the message with this subject, read from the recipient's INBOX over IMAP. */
    URI wrapperLink(String recipient, String subject) throws Exception {
        for (StoredMail mail : inbox(recipient)) {
            if (subject.equals(mail.summary().subject())) {
                return WrapperMessage.portalLink(mail.raw()).orElseThrow();
            }
        }
        throw new AssertionError("no wrapper '" + subject + "' in " + recipient + "'s INBOX");
    }

    /**
     * The passcode from the passcode mail with this reference, read over IMAP. The service sends
     * it after answering, so it is looked for until it arrives, as a person refreshes their inbox.
     */
    Optional<String> passcode(String recipient, String reference) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        do {
            settle();
            for (StoredMail mail : inbox(recipient)) {
                String raw = new String(mail.raw(), StandardCharsets.UTF_8);
                if (PasscodeMail.SUBJECT.equals(mail.summary().subject()) && raw.contains("Reference: " + reference)) {
                    Matcher passcode = PASSCODE.matcher(raw);
                    if (passcode.find()) {
                        return Optional.of(passcode.group(1));
                    }
                }
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    List<StoredMail> inbox(String address) throws Exception {
        try (MailClient client = world.client(address)) {
            return client.inbox();
        }
    }

    @Override
    public void close() {
        portal.close();
        routes.close();
        world.close();
    }

    private static BrandingTemplate contosoBranding(String name, int expiryDays) {
        return new BrandingTemplate(name, logo(), "image/png", "#004b87", "Contoso Bank sent you a protected message.",
                "has sent you a secure message.", "Read the message", "This message is confidential. If it reached you"
                + " by mistake, tell the sender and delete it.", "Contoso Bank secure mail", true, true, expiryDays,
                "https://contoso-bank.example/privacy");
    }

    /** A small PNG drawn here: the branding needs a logo, the lab ships no image files. */
    private static byte[] logo() {
        BufferedImage image = new BufferedImage(170, 70, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 170, 70);
        g.setColor(new Color(0x00, 0x4b, 0x87));
        g.fillOval(10, 10, 50, 50);
        g.fillRect(70, 25, 90, 20);
        g.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
