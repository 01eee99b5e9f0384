package org.envelopelab.service.rules.sensitive;

import java.util.List;

/**
 * A custom keyword dictionary, as an admin defines one for words the built-in types do not know
 * ("health terms": diagnosis, HbA1c, biopsy). Matching is case-insensitive and on whole words;
 * every occurrence counts, and a finding shows the word itself — the words are the admin's, not
 * the sender's secrets.
 *
 * @param dictionary the dictionary's name, which is also its label
 * @param words      its words and phrases
 */
public record KeywordDictionary(String dictionary, List<String> words) implements SensitiveInfoType {

    public KeywordDictionary {
        if (dictionary == null || dictionary.isBlank()) {
            throw new IllegalArgumentException("a keyword dictionary needs a name");
        }
        if (words == null || words.isEmpty()) {
            throw new IllegalArgumentException("the keyword dictionary '" + dictionary + "' has no words");
        }
        words = new WordList(words).words();
    }

    @Override
    public String label() {
        return dictionary;
    }

    @Override
    public String singular() {
        return "term from the dictionary '" + dictionary + "'";
    }

    @Override
    public String plural() {
        return "terms from the dictionary '" + dictionary + "'";
    }

    @Override
    public List<Finding> findIn(String text, String where) {
        return new WordList(words).occurrencesIn(text).stream()
                .map(occurrence -> new Finding(this, occurrence.word(), "", where))
                .toList();
    }
}
