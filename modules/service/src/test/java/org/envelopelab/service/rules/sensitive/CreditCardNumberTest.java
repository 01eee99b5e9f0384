package org.envelopelab.service.rules.sensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCardNumberTest {

    private static List<Finding> cards(String text) {
        return SensitiveInfoType.CREDIT_CARD_NUMBER.findIn(text, "the body");
    }

    @ParameterizedTest(name = "{0} is a {2} card")
    @CsvSource(delimiter = '|', value = {
            "4111 1111 1111 1111 | **** **** **** 1111 | Visa",
            "4111-1111-1111-1111 | ****-****-****-1111 | Visa",
            "4111111111111111    | ************1111    | Visa",
            "4222222222222       | *********2222       | Visa",
            "5555 5555 5555 4444 | **** **** **** 4444 | Mastercard",
            "2223003122003222    | ************3222    | Mastercard",
            "378282246310005     | ***********0005     | American Express",
            "3714 496353 98431   | **** ****** *8431   | American Express",
            "6011-1111-1111-1117 | ****-****-****-1117 | Discover",
            "6500000000000002    | ************0002    | Discover"})
    void luhnValidNumbersOfKnownIssuersAreFoundAndShowOnlyTheirLastFourDigits(String number, String masked, String issuer) {
        assertThat(cards("Card: " + number + ", expires 12/29."))
                .containsExactly(new Finding(SensitiveInfoType.CREDIT_CARD_NUMBER, masked, issuer + ", Luhn-valid", "the body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1112",   // one digit off: the Luhn check fails
            "4111-1111-1111-1121",   // two digits swapped
            "5555555555554445",
            "378282246310006",
            "3530111333300000",      // Luhn-valid, but JCB is not an issuer the type knows
            "1234567812345670",      // Luhn-valid, nobody's prefix
            "411111111111111",       // a Visa prefix, but Visa issues no 15-digit numbers
            "4111 1111-1111 1111",   // separators must agree
            "34111111111111111"})    // an American Express prefix with 17 digits
    void lookAlikesAreNotCardNumbers(String number) {
        assertThat(cards("Reference " + number + ".")).isEmpty();
    }

    @Test
    void aCardNumberInsideALongerNumberIsNotFound() {
        assertThat(cards("tracking 99 4111111111111111 7")).isEmpty();
        assertThat(cards("id A4111111111111111")).isEmpty();
        assertThat(cards("order 41111111111111112222333")).isEmpty();
    }

    @Test
    void everyCardInATextIsFoundInOrder() {
        assertThat(cards("old 4111111111111111; new 5105 1051 0510 5100"))
                .extracting(Finding::masked)
                .containsExactly("************1111", "**** **** **** 5100");
    }

    @Test
    void theLuhnCheckIsTheOneOnTheCard() {
        assertThat(CreditCardNumber.passesLuhn("79927398713")).isTrue();
        assertThat(CreditCardNumber.passesLuhn("79927398710")).isFalse();
        assertThat(CardIssuer.of("2720990000000007")).contains(CardIssuer.MASTERCARD);
        assertThat(CardIssuer.of("2721000000000000")).isEmpty();
    }
}
