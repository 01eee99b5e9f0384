package org.envelopelab.scenario.script;

import java.util.List;
import java.util.Optional;

import org.envelopelab.smime.ContentCipher;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.KeyTransport;
import org.envelopelab.smime.SignatureForm;
import org.snakeyaml.engine.v2.nodes.Node;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads how a send travels: {@code path: plain} (the default) or {@code path: smime}, with
 * optional {@code smime: {sign, encrypt, cipher, key-transport, form}} — by default the
 * sender's client signs, then encrypts with AES-256-GCM.
 */
final class SmimeOptionsReader {

    static final List<String> PATHS = List.of("plain", "smime");
    static final List<String> KEYS = List.of("sign", "encrypt", "cipher", "key-transport", "form");
    private static final List<String> CIPHERS = List.of("aes-256-gcm", "aes-128-gcm", "aes-256-cbc", "aes-128-cbc");
    private static final List<String> KEY_TRANSPORTS = List.of("rsa-oaep-sha256", "rsa-pkcs1");
    private static final List<String> FORMS = List.of("clear", "opaque");

    private final NodeReader reader;

    SmimeOptionsReader(NodeReader reader) {
        this.reader = reader;
    }

    /** The S/MIME options, or empty for plain mail (and when something was reported). */
    Optional<Step.SmimeOptions> read(ScriptMapping send) {
        Optional<String> path = send.optional("path").flatMap(node -> choice(node, "path", PATHS));
        boolean smime = path.map("smime"::equals).orElse(false);
        Optional<Node> options = send.optional("smime");
        if (options.isPresent() && !smime) {
            reader.report(options.get(), "'smime' options need 'path: smime'");
            return Optional.empty();
        }
        if (!smime) {
            return Optional.empty();
        }
        EncryptionOptions defaults = EncryptionOptions.defaults();
        Step.SmimeOptions chosen = new Step.SmimeOptions(true, true, SignatureForm.CLEAR, defaults.cipher(),
                defaults.keyTransport());
        if (options.isEmpty()) {
            return Optional.of(chosen);
        }
        Optional<ScriptMapping> found = reader.mapping(options.get(), mustBe("smime", "a mapping"), "smime", KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping written = found.get();
        boolean sign = written.optional("sign").flatMap(node -> reader.bool(node, "sign")).orElse(true);
        boolean encrypt = written.optional("encrypt").flatMap(node -> reader.bool(node, "encrypt")).orElse(true);
        ContentCipher cipher = written.optional("cipher").flatMap(node -> choice(node, "cipher", CIPHERS))
                .map(ContentCipher::ofLabel).orElse(chosen.cipher());
        KeyTransport keyTransport = written.optional("key-transport")
                .flatMap(node -> choice(node, "key-transport", KEY_TRANSPORTS))
                .map(KeyTransport::ofLabel).orElse(chosen.keyTransport());
        SignatureForm form = written.optional("form").flatMap(node -> choice(node, "form", FORMS))
                .map(label -> label.equals("opaque") ? SignatureForm.OPAQUE : SignatureForm.CLEAR).orElse(SignatureForm.CLEAR);
        if (!sign && !encrypt) {
            reader.report(options.get(), "S/MIME must sign, encrypt, or both; for neither use 'path: plain'");
            return Optional.empty();
        }
        return Optional.of(new Step.SmimeOptions(sign, encrypt, form, cipher, keyTransport));
    }

    private Optional<String> choice(Node node, String key, List<String> choices) {
        Optional<String> value = reader.text(node, key);
        if (value.isPresent() && !choices.contains(value.get())) {
            reader.report(node, Spelling.unknown("unknown " + key + " '" + value.get() + "'", value.get(), choices,
                    Spelling.listing(key + "s", choices)));
            return Optional.empty();
        }
        return value;
    }
}
