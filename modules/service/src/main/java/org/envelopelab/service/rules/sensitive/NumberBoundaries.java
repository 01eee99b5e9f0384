package org.envelopelab.service.rules.sensitive;

/**
 * What must not stand next to a number for it to be a number on its own: no letter or digit, and
 * no digit across a single space or dash — otherwise "9" digits would be found inside a phone
 * number or a longer account number.
 */
final class NumberBoundaries {

    static final String BEFORE = "(?<![\\p{L}\\p{N}_])(?<!\\d[ -])";
    static final String AFTER = "(?![\\p{L}\\p{N}_])(?![ -]\\d)";

    /** How far (in characters, either side) a keyword may stand from a bare number and still vouch for it. */
    static final int KEYWORD_DISTANCE = 50;

    private NumberBoundaries() {
    }
}
