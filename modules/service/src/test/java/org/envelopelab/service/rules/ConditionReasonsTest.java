package org.envelopelab.service.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.rules.ContosoBank.ALICE;
import static org.envelopelab.service.rules.ContosoBank.BOB;
import static org.envelopelab.service.rules.ContosoBank.CAROL;
import static org.envelopelab.service.rules.ContosoBank.DAN;

/** What each condition says when it holds: the sentences the transcript is made of. */
class ConditionReasonsTest {

    @Test
    void outsideNamesTheRecipientsOutsideOnly() {
        assertThat(Rules.holds(new SentTo(Scope.OUTSIDE), Mail.to(BOB, CAROL, DAN).facts()).reasons())
                .containsExactly("a recipient is outside the organization (carol@gmail.example, dan@yahoo.example)");
        assertThat(Rules.holds(new SentTo(Scope.INSIDE), Mail.to(BOB, CAROL).facts()).reasons())
                .containsExactly("a recipient is inside the organization (bob@contoso.example)");
    }

    @Test
    void recipientAndDomainConditionsNameWhoMatched() {
        assertThat(Rules.holds(new RecipientIs(List.of(CAROL)), Mail.to(BOB, "CAROL@gmail.example").facts()).reasons())
                .containsExactly("a recipient is CAROL@gmail.example");
        assertThat(Rules.holds(new RecipientIs(List.of(CAROL, DAN)), Mail.to(CAROL, DAN).facts()).reasons())
                .containsExactly("the recipients include carol@gmail.example, dan@yahoo.example");
        assertThat(Rules.holds(new RecipientDomainIs(List.of("gmail.example", "yahoo.example")), Mail.to(CAROL, DAN).facts()).reasons())
                .containsExactly("a recipient is at gmail.example (carol@gmail.example)", "a recipient is at yahoo.example (dan@yahoo.example)");
    }

    @Test
    void aDomainCoversItsSubdomainsButNotLookAlikes() {
        RecipientDomainIs gmail = new RecipientDomainIs(List.of("@gmail.example"));

        assertThat(Rules.holds(gmail, Mail.to("x@mail.gmail.example").facts())).isNotNull();
        assertThat(Rules.holds(gmail, Mail.to("x@notgmail.example").facts())).isNull();
    }

    @Test
    void senderConditionsSayWhoSent() {
        assertThat(Rules.holds(new SenderIs(List.of("ALICE@contoso.example")), Mail.from(ALICE).andTo(BOB).facts()).reasons())
                .containsExactly("the sender is alice@contoso.example");
        assertThat(Rules.holds(new SenderDomainIs(List.of("contoso.example")), Mail.from(ALICE).andTo(BOB).facts()).reasons())
                .containsExactly("the sender is at contoso.example (alice@contoso.example)");
        assertThat(Rules.holds(new SenderInGroup("card-services"), Mail.from(ALICE).andTo(CAROL).facts()).reasons())
                .containsExactly("the sender is in group card-services");
        assertThat(Rules.holds(new SenderInGroup("no-such-group"), Mail.from(ALICE).andTo(CAROL).facts())).isNull();
    }

    @Test
    void subjectWordsAreWholeWordsInAnyCase() {
        SubjectContains confidential = new SubjectContains(List.of("confidential", "secret"));

        assertThat(Rules.holds(confidential, Mail.to(BOB).subject("Confidential and SECRET").facts()).reasons())
                .containsExactly("the subject contains 'confidential', 'secret'");
        assertThat(Rules.holds(confidential, Mail.to(BOB).subject("confidentiality, secretary").facts())).isNull();
        assertThat(Rules.holds(new SubjectMatches("^re:"), Mail.to(BOB).subject("RE: numbers").facts()).reasons())
                .containsExactly("the subject matches the pattern '^re:'");
    }

    @Test
    void bodyWordsAreLookedForInTheBodyAndInTextAttachmentsAndTheReasonSaysWhere() {
        MailFacts facts = Mail.to(BOB)
                .body("The diagnosis is attached.")
                .attach("notes.txt", "text/plain", "Biopsy scheduled; diagnosis pending")
                .attach("scan.pdf", "application/pdf", null)
                .facts();

        assertThat(Rules.holds(new BodyContains(List.of("diagnosis", "biopsy")), facts).reasons()).containsExactly(
                "the body contains 'diagnosis'",
                "the attachment notes.txt contains 'biopsy', 'diagnosis'");
        assertThat(Rules.holds(new BodyMatches("sched\\w+"), facts).reasons())
                .containsExactly("the attachment notes.txt matches the pattern 'sched\\w+'");
    }

    @Test
    void subjectOrBodyLooksEverywhere() {
        MailFacts facts = Mail.to(BOB).subject("Merger").attach("plan.txt", "text/plain", "the merger plan").facts();

        assertThat(Rules.holds(new SubjectOrBodyContains(List.of("merger")), facts).reasons())
                .containsExactly("the subject contains 'merger'", "the attachment plan.txt contains 'merger'");
    }

    @Test
    void hasAttachmentCountsAndNamesThem() {
        MailFacts facts = Mail.to(BOB).attach("statement.csv", "text/csv", "a,b").attach("logo.png", "image/png", null).facts();

        assertThat(Rules.holds(new HasAttachment(), facts).reasons())
                .containsExactly("the message has 2 attachments (statement.csv, logo.png)");
    }

    @Test
    void conditionsDescribeThemselves() {
        assertThat(new SentTo(Scope.OUTSIDE).describe()).isEqualTo("a recipient is outside the organization");
        assertThat(new BodyContains(List.of("a", "b")).describe()).isEqualTo("the body or a text attachment contains any of 'a', 'b'");
        assertThat(new SenderInGroup("hr").describe()).isEqualTo("the sender is in group hr");
        assertThat(new HasAttachment().describe()).isEqualTo("the message has an attachment");
    }

    @Test
    void badlyWrittenConditionsAreRefusedWhenTheRuleIsWritten() {
        assertThatThrownBy(() -> new SubjectMatches("([a-z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'([a-z' is not a valid pattern: ");
        assertThatThrownBy(() -> new SubjectContains(List.of())).hasMessage("a word list needs at least one word");
        assertThatThrownBy(() -> new BodyContains(List.of("ok", " "))).hasMessage("a word list cannot hold an empty word: [ok,  ]");
        assertThatThrownBy(() -> new RecipientIs(List.of())).hasMessage("the condition needs at least one recipient address");
        assertThatThrownBy(() -> new SenderInGroup(" ")).hasMessage("the condition needs a group name");
        assertThatThrownBy(() -> Scope.ofLabel("nearby")).hasMessage("unknown scope 'nearby' (scopes: inside, outside)");
        assertThat(Scope.ofLabel("Outside")).isEqualTo(Scope.OUTSIDE);
    }
}
