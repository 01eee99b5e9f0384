package org.envelopelab.service.rules.sensitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Credit card numbers: 13 to 19 digits, written bare or in groups of four separated by spaces or
 * dashes (American Express also as 4-6-5), from a known issuer (see {@link CardIssuer}) and
 * passing the Luhn check. The Luhn check is what tells a card number from an order number of the
 * same length: a look-alike that fails it is not reported. Only the last four digits are shown.
 */
public record CreditCardNumber() implements SensitiveInfoType {

    private static final Pattern WRITTEN = Pattern.compile(NumberBoundaries.BEFORE + "(?:"
            + "\\d{13,19}"
            + "|\\d{4}([ -])\\d{4}\\1\\d{4}\\1(?:\\d{4}\\1\\d{1,3}|\\d{1,4})"
            + "|\\d{4}([ -])\\d{6}\\2\\d{5}"
            + ")" + NumberBoundaries.AFTER);

    @Override
    public String label() {
        return "credit-card-number";
    }

    @Override
    public String singular() {
        return "credit card number";
    }

    @Override
    public String plural() {
        return "credit card numbers";
    }

    @Override
    public List<Finding> findIn(String text, String where) {
        List<Finding> found = new ArrayList<>();
        for (MatchResult match : NumberBoundaries.numbers(WRITTEN, text == null ? "" : text)) {
            String digits = match.group().replaceAll("\\D", "");
            Optional<CardIssuer> issuer = CardIssuer.of(digits);
            if (issuer.isPresent() && passesLuhn(digits)) {
                found.add(new Finding(this, DigitMask.keepingLast(match.group(), 4),
                        issuer.get().title() + ", Luhn-valid", where));
            }
        }
        return found;
    }

    /** The Luhn (mod 10) check: double every second digit from the right, sum the digits, expect a multiple of ten. */
    public static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
