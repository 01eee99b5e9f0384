package org.envelopelab.knowledge.bank;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tags a question may carry: the claims of the source text the lab teaches (C1 to C17), and
 * the topics beyond it (the attacks and the benchmarks). Each has a sentence that says what it is.
 */
public final class Tags {

    private static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("C1", "mailboxes hold sensitive data: statements, policies, loan requests, patient information, legal papers");
        ALL.put("C2", "the service works for recipients at Outlook.com, Yahoo, Gmail and other providers");
        ALL.put("C3", "only the intended recipients can view the message");
        ALL.put("C4", "decryption needs a key that only authorized people have");
        ALL.put("C5", "encryption alone does not stop content reaching the wrong hands");
        ALL.put("C6", "the six example cases: card statement, policy, loan request, patient information, legal papers, contract");
        ALL.put("C7", "administrators define mail flow rules that decide what is encrypted");
        ALL.put("C8", "organizations brand protected mail with their own text and logo");
        ALL.put("C9", "encryption combined with rights management (Encrypt-Only, Do Not Forward)");
        ALL.put("C10", "S/MIME works client to client; the service works in the organization's mail flow");
        ALL.put("C11", "S/MIME needs a PKI certificate for the sender; the service does not");
        ALL.put("C12", "S/MIME needs the certificate installed on the client and a key exchange before composing");
        ALL.put("C13", "the service uses its own built-in keys during transport");
        ALL.put("C14", "S/MIME mail is opaque to the organization's mail service");
        ALL.put("C15", "the service validates the recipient's identity before showing the message");
        ALL.put("C16", "the service needs no certificate exchange");
        ALL.put("C17", "the plans that include the message encryption service");
        ALL.put("attack-thief", "whoever holds a recipient's mailbox");
        ALL.put("attack-link", "someone who got hold of a wrapper's link");
        ALL.put("attack-forward", "a recipient forwards the message");
        ALL.put("attack-efail", "EFAIL: altering CBC ciphertext to make the recipient's client leak the plaintext");
        ALL.put("benchmark", "what each approach costs, measured");
    }

    private Tags() {
    }

    public static Optional<String> describe(String tag) {
        return Optional.ofNullable(ALL.get(tag));
    }

    /** Every tag with its sentence, in order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(ALL);
    }

    public static Iterable<String> names() {
        return ALL.keySet();
    }
}
