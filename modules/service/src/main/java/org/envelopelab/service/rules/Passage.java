package org.envelopelab.service.rules;

/**
 * A text of the message body conditions search, named as a reason names it.
 *
 * @param where "the body" or "the attachment statement.csv"
 * @param text  what is written there
 */
record Passage(String where, String text) {
}
