package org.envelopelab.scenario.page;

import java.util.List;

/**
 * A who-could-read-what matrix as the pages draw it: a row per party, a column per message (on a
 * run's page) or per path (on a comparison's page). Every cell says what the party could read in
 * words and by colour, names the secrets it saw in a footnote (and on hover), and says how its
 * access changed where it did.
 *
 * @param id        the table's HTML id
 * @param caption   the table's caption
 * @param columns   the column headings
 * @param rows      a row per party
 * @param footnotes the secrets each cell saw, numbered
 */
public record Matrix(String id, String caption, List<String> columns, List<Row> rows, List<Footnote> footnotes) {

    public boolean hasFootnotes() {
        return !footnotes.isEmpty();
    }

    /** One party. */
    public record Row(String party, List<Cell> cells) {
    }

    /**
     * What one party could read of one column's message.
     *
     * @param column   the column's heading, repeated for narrow screens where cells stack
     * @param css      the colour class: readable, ciphertext, wrapper, refused, nothing, absent
     * @param mark     what it could read, in words: the text mark that never leaves colour alone
     * @param change   how its access changed ("read at step 9; refused at step 21: ..."), or empty
     * @param hover    the tooltip: each part's access and the secrets seen
     * @param noted    whether the cell has a footnote
     * @param footnote the footnote's number
     * @param noteId   the footnote's HTML id
     */
    public record Cell(String column, String css, String mark, String change, String hover, boolean noted, int footnote,
                       String noteId) {
    }

    /** The secrets one cell saw. */
    public record Footnote(int number, String id, String text) {
    }
}
