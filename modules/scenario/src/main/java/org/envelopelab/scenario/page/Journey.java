package org.envelopelab.scenario.page;

import java.util.List;

/**
 * One message's journey, laid out for the SVG sequence diagram and told again as an ordered list
 * (the diagram's text alternative). Every number is a whole pixel of the diagram's own
 * coordinates, so the same evidence always draws the same picture.
 *
 * @param id      the HTML id of the journey's section, {@code journey-<message id>}
 * @param message the scenario's id for the message
 * @param subject its subject
 * @param from    its sender
 * @param width   the diagram's width
 * @param height  its height
 * @param lanes   the lanes, left to right
 * @param rows    the arrows and notes, top to bottom, in the order of the evidence
 */
public record Journey(String id, String message, String subject, String from, int width, int height, List<Lane> lanes,
                      List<Row> rows) {

    /** How wide a line of a lane's head may be. */
    static final int HEAD_TEXT = 146;

    /**
     * A lane: someone or something the message passes through.
     *
     * @param kind   what it is, as the head of the lane says it: sender, site, transport and service, mailbox, recipient ...
     * @param first  the first line of its name
     * @param second the second line of its name (may be empty)
     * @param x      the centre of the lane
     * @param left   the left edge of its head
     * @param top    the top of its lifeline
     * @param bottom the bottom of its lifeline
     */
    public record Lane(String kind, String first, String second, int x, int left, int top, int bottom) {

        /** Names longer than the lane's head is wide are squeezed to fit it ({@code textLength}). */
        public boolean kindLong() {
            return tooLong(kind, 7.2);
        }

        public boolean firstLong() {
            return tooLong(first, 6.6);
        }

        public boolean secondLong() {
            return tooLong(second, 6.6);
        }

        private static boolean tooLong(String text, double charWidth) {
            return text.length() * charWidth > HEAD_TEXT;
        }

        /** The lane in words, for the list: "mailbox carol@gmail.example". */
        public String words() {
            return kind + " " + first + second;
        }
    }

    /**
     * One arrow (from one lane to another) or note (on one lane).
     *
     * @param step     the step it happened at; the arrow links to that step of the timeline
     * @param style    what crossed: readable, ciphertext, wrapper, signal (no content: a link, a passcode), refused
     * @param mark     the style in words, printed on the arrow so that colour is never the only sign
     * @param text     what happened, short
     * @param label    the same with its step's number, as the diagram prints it
     * @param sentence the whole sentence: the evidence's own words; the arrow's tooltip and the list's text
     * @param from     the lane it leaves, in words
     * @param to       the lane it reaches, in words (the same for a note)
     * @param note     whether it is a note on one lane rather than an arrow
     * @param y        the arrow's height in the diagram
     * @param x1       where it starts
     * @param x2       where it ends (the head)
     * @param textX    the centre of its label
     * @param textY    the baseline of its label
     * @param boxX     a note's box: left edge
     * @param boxWidth a note's box: width
     */
    public record Row(int step, String style, String mark, String text, String label, String sentence, String from, String to, boolean note,
                      int y, int x1, int x2, int textX, int textY, int boxX, int boxWidth) {

        /** The row in words, as the ordered list tells it. */
        public String words() {
            String where = note ? "at " + from : from + " to " + to;
            return "Step " + step + ", " + where + ": " + text + " [" + mark + "]. " + sentence;
        }
    }
}
