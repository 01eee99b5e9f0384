package org.envelopelab.service.rules.sensitive;

/**
 * One piece of sensitive information found in a message, already masked: the full value never
 * leaves the detector, so a transcript cannot leak it.
 *
 * @param type   what was found
 * @param masked the value with all but its last digits hidden ("****-****-****-1111"), or the
 *               dictionary word for a keyword
 * @param detail why it counts, for the transcript ("Visa, Luhn-valid", "near 'routing'"), or empty
 * @param where  where it was found: "the body" or "the attachment statement.csv"
 */
public record Finding(SensitiveInfoType type, String masked, String detail, String where) {

    public Finding {
        detail = detail == null ? "" : detail;
    }

    /** The masked value with its detail, as it goes between parentheses in a reason. */
    public String shown() {
        return detail.isEmpty() ? masked : masked + ", " + detail;
    }
}
