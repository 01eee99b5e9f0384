package org.envelopelab.service.rules.sensitive;

/**
 * Hides the digits of a number but its last few, keeping spaces and dashes where they were, so a
 * reader still recognises the shape ("***-**-6789") without learning the number.
 */
final class DigitMask {

    private DigitMask() {
    }

    static String keepingLast(String written, int visibleDigits) {
        int digits = (int) written.chars().filter(Character::isDigit).count();
        int toHide = digits - visibleDigits;
        StringBuilder masked = new StringBuilder(written.length());
        for (char c : written.toCharArray()) {
            if (Character.isDigit(c) && toHide > 0) {
                masked.append('*');
                toHide--;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
