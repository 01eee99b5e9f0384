package org.envelopelab.service.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names a sender chose, as people are shown them: what is written, in the order it is written. */
class ShownNameTest {

    @Test
    void aRightToLeftOverrideCannotDisguiseAnExecutableAsAPdf() {
        // Shown raw, "invoice\u202Efdp.exe" reads "invoiceexe.pdf".
        assertThat(ShownName.of("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void everyBidiFormattingCharacterIsTakenOut() {
        String embeddingsAndIsolates = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
        String marks = "\u200E\u200F\u061C";

        assertThat(ShownName.of("report" + embeddingsAndIsolates + marks + ".pdf")).isEqualTo("report.pdf");
    }

    @Test
    void invisibleCharactersAreTakenOut() {
        assertThat(ShownName.of("pay\u200Bpal\uFEFF statement\u00AD.pdf")).isEqualTo("paypal statement.pdf");
    }

    @Test
    void controlCharactersAndLineBreaksBecomeSpaces() {
        assertThat(ShownName.of("Alice\r\nBcc: eve\u0000\u2028Adams\u0085.txt")).isEqualTo("Alice  Bcc: eve  Adams .txt");
    }

    @Test
    void honestNamesInAnyScriptStayAsTheyAre() {
        for (String name : new String[] {"Dr. Morgan Lee", "statement 2026-03.csv", "Zoë Ångström", "שלום.pdf",
                "تقرير.pdf", "報告書.xlsx", "Ole \"the Dane\" Hansen"}) {
            assertThat(ShownName.of(name)).isEqualTo(name);
        }
    }

    @Test
    void aLoneSurrogateIsShownAsTheReplacementCharacter() {
        assertThat(ShownName.of("a\uD800b")).isEqualTo("a\uFFFDb");
    }

    @Test
    void noNameIsAnEmptyName() {
        assertThat(ShownName.of(null)).isEmpty();
    }
}
