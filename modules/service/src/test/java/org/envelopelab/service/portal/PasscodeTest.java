package org.envelopelab.service.portal;

import org.envelopelab.service.audit.AuditEntry;
import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.Lab;
import org.envelopelab.service.protection.Letter;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.CAROL;

class PasscodeTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final Outbox outbox = new Outbox();
    private final PortalApi portal = new PortalApi(service, outbox, outbox, outbox);
    private final Protected statement = service.protect(Letter.statement().bytes(), Lab.ALICE, Lab.STATEMENT_RECIPIENTS,
            RightsTemplate.DO_NOT_FORWARD, Lab.branding());

    @Test
    void anOutsideRecipientGetsAnEightDigitPasscodeWithAFourLetterReference() {
        PasscodeAnswer answer = portal.requestPasscode(statement.token(), "Carol@Gmail.example", Runnable::run);

        Outbox.PasscodeSent sent = outbox.lastPasscode();
        assertThat(sent.to()).isEqualTo(CAROL);
        assertThat(sent.passcode()).matches("[0-9]{8}");
        assertThat(sent.reference()).matches("[A-Z]{4}").isEqualTo(answer.reference());
        assertThat(sent.senderName()).isEqualTo("Alice Adams");
        assertThat(sent.expires()).isEqualTo(Lab.START.plus(Duration.ofMinutes(15)));
        assertThat(answer.page()).contains(answer.reference()).contains("15 minutes");
        assertThat(answer.locked()).isFalse();
    }

    @Test
    void thePasscodeMailLeavesAfterTheAnswerSoAskingTakesAsLongForAnyone() {
        List<Runnable> afterAnswer = new ArrayList<>();

        PasscodeAnswer answer = portal.requestPasscode(statement.token(), CAROL, afterAnswer::add);
        portal.requestPasscode(statement.token(), Lab.EVE, afterAnswer::add);

        assertThat(outbox.passcodes).as("nothing is written or sent before the answer").isEmpty();
        assertThat(afterAnswer).as("only the recipient's mail waits for the answer").hasSize(1);
        afterAnswer.forEach(Runnable::run);
        assertThat(outbox.lastPasscode().reference()).isEqualTo(answer.reference());
        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_SENT)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains(answer.reference()));
    }

    @Test
    void aPasscodeMailThatCannotBeSentIsAuditedAsNotSent() {
        PortalApi failing = new PortalApi(service, (to, reference, passcode, branding, sender, expires) -> {
            throw new IllegalStateException("the transport is down");
        }, outbox, outbox);

        failing.requestPasscode(statement.token(), CAROL, Runnable::run);

        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_SENT)).isEmpty();
        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_NOT_SENT)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("the mailer failed"));
    }

    @Test
    void theRightPasscodeSignsInOnce() {
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String passcode = outbox.lastPasscode().passcode();

        SignIn first = portal.verify(statement.token(), CAROL, passcode);
        SignIn second = portal.verify(statement.token(), CAROL, passcode);

        assertThat(first).isInstanceOfSatisfying(SignIn.Accepted.class, accepted -> {
            assertThat(accepted.session().recipient()).isEqualTo(CAROL);
            assertThat(accepted.session().messageId()).isEqualTo(statement.messageId());
            assertThat(accepted.session().id()).matches("[A-Za-z0-9_-]{32}");
        });
        assertThat(second).isEqualTo(new SignIn.Refused(SignInRefusal.USED, SignInRefusal.USED.page()));
    }

    @Test
    void fiveWrongTriesLockTheAddressForTenMinutesAfterWhichThePasscodeWorks() {
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String passcode = outbox.lastPasscode().passcode();
        String wrong = passcode.equals("00000000") ? "11111111" : "00000000";

        for (int i = 0; i < 4; i++) {
            assertThat(refusal(portal.verify(statement.token(), CAROL, wrong))).isEqualTo(SignInRefusal.WRONG);
        }
        // The fifth wrong try locks, and says so.
        assertThat(refusal(portal.verify(statement.token(), CAROL, wrong))).isEqualTo(SignInRefusal.LOCKED);
        assertThat(refusal(portal.verify(statement.token(), CAROL, passcode))).isEqualTo(SignInRefusal.LOCKED);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(refusal(portal.verify(statement.token(), CAROL, passcode))).isEqualTo(SignInRefusal.LOCKED);
        clock.advance(Duration.ofSeconds(1));

        assertThat(portal.verify(statement.token(), CAROL, passcode).accepted()).isTrue();
        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_LOCKED)).hasSize(1);
        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_FAILED)).hasSize(7);
    }

    @Test
    void noNewPasscodeIsSentWhileLocked() {
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        for (int i = 0; i < 5; i++) {
            portal.verify(statement.token(), CAROL, "not-it");
        }

        PasscodeAnswer answer = portal.requestPasscode(statement.token(), CAROL, Runnable::run);

        assertThat(answer.locked()).isTrue();
        assertThat(answer.page()).isEqualTo("Too many attempts with this address. Try again after Monday 2 March 2026, 09:10 UTC.");
        assertThat(outbox.passcodes).hasSize(1);
    }

    @Test
    void aPasscodeExpiresAfterFifteenMinutes() {
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String passcode = outbox.lastPasscode().passcode();

        clock.advance(Duration.ofMinutes(15));

        assertThat(refusal(portal.verify(statement.token(), CAROL, passcode))).isEqualTo(SignInRefusal.EXPIRED);
    }

    @Test
    void aPasscodeStillWorksJustBeforeFifteenMinutes() {
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));

        assertThat(portal.verify(statement.token(), CAROL, outbox.lastPasscode().passcode()).accepted()).isTrue();
    }

    @Test
    void aNewerPasscodeVoidsTheOlderOne() {
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String older = outbox.lastPasscode().passcode();
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String newer = outbox.lastPasscode().passcode();

        assertThat(older).isNotEqualTo(newer);
        assertThat(refusal(portal.verify(statement.token(), CAROL, older))).isEqualTo(SignInRefusal.SUPERSEDED);
        assertThat(portal.verify(statement.token(), CAROL, newer).accepted()).isTrue();
    }

    @Test
    void anotherMessagesPasscodeIsRefused() {
        Protected other = service.protect(Letter.statement().messageId("<statement-2@contoso-bank.example>").bytes(),
                Lab.ALICE, Lab.STATEMENT_RECIPIENTS, RightsTemplate.DO_NOT_FORWARD, Lab.branding());
        portal.requestPasscode(other.token(), CAROL, Runnable::run);
        String forOther = outbox.lastPasscode().passcode();
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String forStatement = outbox.lastPasscode().passcode();

        SignIn signIn = portal.verify(statement.token(), CAROL, forOther);

        assertThat(forOther).isNotEqualTo(forStatement);
        assertThat(refusal(signIn)).isEqualTo(SignInRefusal.WRONG);
        assertThat(portal.verify(other.token(), CAROL, forOther).accepted()).isTrue();
    }

    @Test
    void aStrangerGetsTheSameAnswerAndNothingIsSent() {
        PasscodeAnswer toCarol = portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        PasscodeAnswer toEve = portal.requestPasscode(statement.token(), Lab.EVE, Runnable::run);

        assertThat(outbox.passcodes).extracting(Outbox.PasscodeSent::to).containsExactly(CAROL);
        assertThat(toEve.reference()).matches("[A-Z]{4}");
        assertThat(toEve.page().replace(Lab.EVE, "ADDRESS").replace(toEve.reference(), "REF"))
                .isEqualTo(toCarol.page().replace(CAROL, "ADDRESS").replace(toCarol.reference(), "REF"));
        assertThat(refusal(portal.verify(statement.token(), Lab.EVE, toEve.reference()))).isEqualTo(SignInRefusal.WRONG);
        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_NOT_SENT)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(Lab.EVE));
    }

    @Test
    void insideRecipientsReadInlineAndGetNoPasscode() {
        portal.requestPasscode(statement.token(), Lab.BOB, Runnable::run);

        assertThat(outbox.passcodes).isEmpty();
    }

    @Test
    void passcodesNeverReachTheAuditLog() {
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String first = outbox.lastPasscode().passcode();
        portal.verify(statement.token(), CAROL, "12345678");
        portal.requestPasscode(statement.token(), CAROL, Runnable::run);
        String second = outbox.lastPasscode().passcode();
        portal.verify(statement.token(), CAROL, first);
        portal.verify(statement.token(), CAROL, second);

        assertThat(service.audit().entries()).extracting(AuditEntry::line)
                .noneMatch(line -> line.contains(first) || line.contains(second) || line.contains("12345678"));
        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_SENT)).hasSize(2);
        assertThat(service.audit().entriesOf(AuditKind.PASSCODE_VERIFIED)).hasSize(1);
    }

    @Test
    void anUnknownLinkLeadsNowhere() {
        assertThatThrownBy(() -> portal.requestPasscode("no-such-token", CAROL, Runnable::run))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.UNKNOWN_LINK));
    }

    @Test
    void noPasscodesWhenTheBrandingTurnsThemOff() {
        BrandingTemplate d = BrandingTemplate.defaults();
        BrandingTemplate socialOnly = new BrandingTemplate("Social only", null, null, d.backgroundColor(), "", "", "", "", "",
                false, true, 0, "");
        Protected result = service.protect(Letter.statement().messageId("<social@contoso-bank.example>").bytes(), Lab.ALICE,
                Lab.STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, socialOnly);

        assertThatThrownBy(() -> portal.requestPasscode(result.token(), CAROL, Runnable::run))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.PASSCODES_OFF));
        assertThat(outbox.passcodes).isEmpty();
    }

    @Test
    void thePasscodeMailNamesTheSenderWithoutBidiCharacters() {
        Protected disguised = service.protect(Letter.statement().from("\u202Esmada ecila <alice@contoso-bank.example>")
                .messageId("<disguised@contoso-bank.example>").bytes(), Lab.ALICE, Lab.STATEMENT_RECIPIENTS,
                RightsTemplate.ENCRYPT_ONLY, Lab.branding());

        portal.requestPasscode(disguised.token(), CAROL, Runnable::run);

        assertThat(outbox.lastPasscode().senderName()).isEqualTo("smada ecila");
    }

    private static SignInRefusal refusal(SignIn signIn) {
        return signIn instanceof SignIn.Refused refused ? refused.reason() : null;
    }
}
