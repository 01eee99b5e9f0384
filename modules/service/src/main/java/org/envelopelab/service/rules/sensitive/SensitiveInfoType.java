package org.envelopelab.service.rules.sensitive;

import java.util.List;

/**
 * A kind of sensitive information a mail flow rule can look for, as the product's built-in
 * sensitive information types and custom keyword dictionaries: each finds its own kind in a text
 * and hands back masked findings.
 */
public sealed interface SensitiveInfoType permits CreditCardNumber, UsSocialSecurityNumber, AbaRoutingNumber, KeywordDictionary {

    /** 13–19 digits from a known issuer that pass the Luhn check. */
    SensitiveInfoType CREDIT_CARD_NUMBER = new CreditCardNumber();
    /** AAA-GG-SSSS in a form the Social Security Administration issues. */
    SensitiveInfoType US_SSN = new UsSocialSecurityNumber();
    /** Nine digits with a valid prefix and checksum, next to a word like "routing". */
    SensitiveInfoType ABA_ROUTING_NUMBER = new AbaRoutingNumber();

    /** A custom keyword dictionary, e.g. "health terms": diagnosis, HbA1c, biopsy. */
    static SensitiveInfoType keywords(String dictionary, List<String> words) {
        return new KeywordDictionary(dictionary, words);
    }

    /** The built-in type a script names: credit-card-number, us-ssn, aba-routing-number. */
    static SensitiveInfoType ofLabel(String label) {
        for (SensitiveInfoType type : List.of(CREDIT_CARD_NUMBER, US_SSN, ABA_ROUTING_NUMBER)) {
            if (type.label().equalsIgnoreCase(label.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown sensitive information type '" + label
                + "' (types: credit-card-number, us-ssn, aba-routing-number; or a keyword dictionary with its words)");
    }

    /** How scripts name it: "credit-card-number", "us-ssn", "aba-routing-number", or the dictionary's name. */
    String label();

    /** One of it, in words: "credit card number", "term from the dictionary 'health terms'". */
    String singular();

    /** Several: "credit card numbers". */
    String plural();

    /** Everything of this type in the text, masked, in the order of the text. */
    List<Finding> findIn(String text, String where);

    /** "1 credit card number", "3 US social security numbers". */
    static String counted(SensitiveInfoType type, int count) {
        return count + " " + (count == 1 ? type.singular() : type.plural());
    }

    /** "a credit card number", "an ABA routing number". */
    static String one(SensitiveInfoType type) {
        return ("AEIO".indexOf(type.singular().charAt(0)) >= 0 ? "an " : "a ") + type.singular();
    }
}
