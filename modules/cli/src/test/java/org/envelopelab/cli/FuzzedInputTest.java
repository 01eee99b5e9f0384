package org.envelopelab.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What users hand {@code lab}, mutated: signed and encrypted messages with broken headers, base64,
 * ASN.1, nesting and line lengths, and argument lists from the commands' own vocabulary. The
 * property: never exit 3, never a Java exception or stack trace on the terminal, never a hang.
 * Seeds are fixed; the two properties take well under a minute together.
 */
class FuzzedInputTest {

    private static final long BOUND_SECONDS = 30;
    private static final Set<Integer> USERS_EXITS = Set.of(0, 1, 2, 4);
    private static Path dir;
    private static byte[] signedClear;
    private static byte[] signedOpaque;
    private static byte[] encrypted;
    private static final ExecutorService LAB = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fuzzed-lab");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeContainer
    static void aliceSignsAndEncrypts() throws Exception {
        dir = Files.createTempDirectory("lab-fuzz");
        Terminal terminal = new Terminal(dir);
        String pki = terminal.path("pki");
        require(terminal, terminal.lab("pki", "issue", "alice@contoso.example", "--dir", pki));
        require(terminal, terminal.lab("pki", "issue", "bob@fabrikam.example", "--dir", pki));
        Path note = terminal.write("note.eml", SmimeVerifyCommandTest.NOTE);
        String key = pki + "/alice@contoso.example.p12";
        require(terminal, terminal.lab("smime", "sign", note.toString(), "--key", key, "-o", terminal.path("clear.eml")));
        require(terminal, terminal.lab("smime", "sign", note.toString(), "--key", key, "--opaque", "-o", terminal.path("opaque.eml")));
        require(terminal, terminal.lab("smime", "encrypt", note.toString(), "--to", pki + "/bob@fabrikam.example.cert.pem",
                "-o", terminal.path("encrypted.eml")));
        signedClear = Files.readAllBytes(dir.resolve("clear.eml"));
        signedOpaque = Files.readAllBytes(dir.resolve("opaque.eml"));
        encrypted = Files.readAllBytes(dir.resolve("encrypted.eml"));
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void require(Terminal terminal, int exit) {
        if (exit != 0) {
            throw new IllegalStateException("setting up the fuzzing failed: " + terminal.err());
        }
    }

    enum MessageMutation {
        DROP_HEADER, GARBLE_HEADER, CONTENT_TYPE, FLIP_BASE64, DROP_BASE64_LINE, TRUNCATE, NESTED_MULTIPARTS, LONG_LINE,
        NUL_BYTES, FROM_FIELD, BOUNDARY
    }

    record Mutant(String command, byte[] bytes, String how) {
        @Override
        public String toString() {
            return how;
        }
    }

    @Property(tries = 200, seed = "17")
    void mutatedSmimeMessagesAreAnsweredNeverCrashed(@ForAll("messages") Mutant mutant) throws Exception {
        Path file = Files.write(dir.resolve("mutant.eml"), mutant.bytes());
        String pki = dir.resolve("pki").toString();
        String[] args = switch (mutant.command()) {
            case "verify" -> new String[] {"smime", "verify", file.toString(), "--ca", pki + "/ca.pem"};
            case "decrypt" -> new String[] {"smime", "decrypt", file.toString(), "--key", pki + "/bob@fabrikam.example.p12",
                "-o", dir.resolve("decrypted.eml").toString()};
            default -> new String[] {"smime", mutant.command(), file.toString(), "--to", pki + "/bob@fabrikam.example.cert.pem",
                "--key", pki + "/alice@contoso.example.p12", "-o", dir.resolve("out.eml").toString()};
        };
        if (mutant.command().equals("sign")) {
            args = new String[] {"smime", "sign", file.toString(), "--key", pki + "/alice@contoso.example.p12", "-o",
                dir.resolve("out.eml").toString()};
        } else if (mutant.command().equals("encrypt")) {
            args = new String[] {"smime", "encrypt", file.toString(), "--to", pki + "/bob@fabrikam.example.cert.pem", "-o",
                dir.resolve("out.eml").toString()};
        }
        assertAnswered(args, mutant.how());
    }

    @Property(tries = 200, seed = "17")
    void argumentListsAreAnsweredNeverCrashed(@ForAll("argumentLists") List<String> args) throws Exception {
        assertAnswered(args.toArray(String[]::new), String.join(" ", args));
    }

    private void assertAnswered(String[] args, String how) throws Exception {
        Terminal terminal = new Terminal(dir);
        Future<Integer> run = LAB.submit(() -> terminal.lab(args));
        int exit;
        try {
            exit = run.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException hang) {
            run.cancel(true);
            fail("lab took over " + BOUND_SECONDS + " s on " + how);
            return;
        } catch (ExecutionException thrown) {
            throw new AssertionError(how + " threw " + thrown.getCause(), thrown.getCause());
        }
        assertThat(exit).as(how + "\n" + terminal.err()).isIn(USERS_EXITS);
        assertThat(terminal.err()).as(how).doesNotContain("Exception", "\tat ", "java.lang", "to see where it failed");
        assertThat(terminal.out()).as(how).doesNotContain("Exception", "\tat ");
    }

    @Provide
    Arbitrary<Mutant> messages() {
        return Combinators.combine(Arbitraries.of("verify-clear", "verify-opaque", "decrypt", "sign", "encrypt"),
                        Arbitraries.of(MessageMutation.values()), Arbitraries.longs(), Arbitraries.integers().between(1, 3))
                .as((target, mutation, seed, times) -> {
                    Random random = new Random(seed);
                    byte[] bytes = switch (target) {
                        case "verify-clear", "sign", "encrypt" -> signedClear;
                        case "verify-opaque" -> signedOpaque;
                        default -> encrypted;
                    };
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < times; i++) {
                        text = mutate(text, mutation, random);
                    }
                    String command = target.startsWith("verify") ? "verify" : target;
                    return new Mutant(command, text.getBytes(StandardCharsets.ISO_8859_1),
                            command + " " + mutation + " x" + times + " of " + target + " (seed " + seed + ")");
                });
    }

    static String mutate(String text, MessageMutation mutation, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n", -1)));
        int blank = Math.max(0, lines.indexOf(""));
        int header = blank == 0 ? 0 : random.nextInt(blank);
        int at = random.nextInt(lines.size());
        switch (mutation) {
            case DROP_HEADER -> lines.remove(header);
            case GARBLE_HEADER -> {
                String[] garbles = {"", ":", "From", "<<<>>>@@", "=?utf-8?B?////?=", "X: \u0000\u0001", "Content-Type: ;;;",
                    " continuation without a field"};
                lines.set(header, garbles[random.nextInt(garbles.length)]);
            }
            case CONTENT_TYPE -> {
                String[] types = {"multipart/signed", "application/pkcs7-mime", "application/pkcs7-mime; smime-type=signed-data",
                    "application/pkcs7-mime; smime-type=enveloped-data", "multipart/signed; boundary=\"\"; protocol=x",
                    "text/plain; charset=no-such-charset", "application/pkcs7-mime; smime-type=authEnveloped-data; name=\u00ff"};
                lines.add(blank == 0 ? 0 : blank, "Content-Type: " + types[random.nextInt(types.length)]);
            }
            case FLIP_BASE64 -> {
                String line = lines.get(at);
                if (!line.isEmpty()) {
                    char[] chars = line.toCharArray();
                    chars[random.nextInt(chars.length)] = "A/+=!-\u00e9".charAt(random.nextInt(7));
                    lines.set(at, new String(chars));
                }
            }
            case DROP_BASE64_LINE -> lines.remove(Math.max(blank, at));
            case TRUNCATE -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case NESTED_MULTIPARTS -> {
                int depth = 1 + random.nextInt(300);
                StringBuilder nested = new StringBuilder();
                for (int level = 0; level < depth; level++) {
                    nested.append("Content-Type: multipart/mixed; boundary=b").append(level).append("\r\n\r\n--b")
                            .append(level).append("\r\n");
                }
                lines.add(Math.max(blank, at), nested.toString());
            }
            case LONG_LINE -> lines.set(at, lines.get(at) + Base64.getEncoder().encodeToString(new byte[random.nextInt(300_000)]));
            case NUL_BYTES -> lines.set(at, lines.get(at) + "\u0000".repeat(1 + random.nextInt(4)));
            case FROM_FIELD -> {
                String[] froms = {"From:", "From: <<<>>>@@", "From: alice@contöso.example", "From: alice@contoso.example\u0000",
                    "From: alice@contoso.example, eve@evil.example", "From: \"unterminated <alice@contoso.example>",
                    "From: " + "a".repeat(5000) + "@x.example"};
                lines.add(blank == 0 ? 0 : random.nextInt(blank + 1), froms[random.nextInt(froms.length)]);
            }
            case BOUNDARY -> lines.replaceAll(line -> line.startsWith("------") ? line.substring(random.nextInt(line.length())) : line);
        }
        return String.join("\r\n", lines);
    }

    @Provide
    Arbitrary<List<String>> argumentLists() {
        String d = dir.toString();
        List<String> words = List.of("validate", "pki", "issue", "export", "revoke", "smime", "sign", "encrypt", "decrypt",
                "verify", "routes", "help", "--help", "-V", "--out", "-o", "--dir", "--days", "--password", "--name", "--to", "--key",
                "--cert", "--ca", "--crl", "--cipher", "--key-transport", "--format", "--force", "--reason", "--base-port",
                "--opaque", "--require-crl", "--new-password", "--messages", "--timeout",
                "", " ", "-", "--", "-1", "0", "65530", "99999999", "99999999999999999999", "aes-128-cbc", "rc2", "pem", "p12",
                "key-compromise", "alice@contoso.example", "bob@fabrikam.example", "nobody@nowhere.example", "not an address",
                "a".repeat(400) + "@x.example", "bob\r\n@x.example", "\u0000", "caf\u00e9@b\u00fccher.example",
                d, d + "/pki", d + "/pki/ca.pem", d + "/pki/alice@contoso.example.p12", d + "/note.eml", d + "/clear.eml",
                d + "/encrypted.eml", d + "/missing/x.eml", "/dev/null", "/dev/full", "/dev/null/x", "/", "/proc/self/mem",
                "scenarios/none.yaml", "../../scenarios/bank-statement.yaml");
        return Arbitraries.of(words).list().ofMinSize(1).ofMaxSize(7)
                .map(list -> {
                    List<String> args = new ArrayList<>(list);
                    // pki and validate write and read under the fuzz folder only; --dir first keeps them there.
                    if (args.contains("pki")) {
                        args.add("--dir");
                        args.add(d + "/fuzz-pki");
                    }
                    return args;
                });
    }
}
