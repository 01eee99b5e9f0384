package org.envelopelab.scenario.script;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What a student sees for each kind of mistake: the exact {@code file:line: message} text. The
 * messages are the ones listed in scenarios/README.md; a change here is a change to that table.
 */
class ScenarioProblemsTest {

    private static final Path BASE_DIR = Path.of("lessons");

    static Stream<Arguments> badScripts() {
        return Stream.of(
                arguments("YAML that does not parse", """
                        scenario: Broken
                        steps:
                          - note: one
                           - note: two
                        """, "bad.yaml:4: YAML syntax error: expected <block end>, but found '<block sequence start>'"),
                arguments("an empty file", "# nothing yet\n", "bad.yaml:1: the scenario file is empty"),
                arguments("a plan without message encryption", """
                        scenario: Statements
                        service:
                          plan: exchange-online-plan-1
                        steps:
                          - note: hello
                        """, "bad.yaml:3: Message encryption needs the Azure Information Protection Plan 1 add-on;"
                        + " Contoso has Exchange Online Plan 1"),
                arguments("a second branding template on a plan that allows one", """
                        scenario: Statements
                        service:
                          plan: office-365-e3
                          branding:
                            - { name: Contoso Bank, read-button-text: Read it }
                        steps:
                          - note: hello
                        """, "bad.yaml:5: More than one branding template needs an E5 plan (Office 365 or Microsoft 365 E5,"
                        + " A5, G5) or the Advanced Message Encryption add-on; Contoso has Office 365 E3"),
                arguments("a branding text over its limit", """
                        scenario: Statements
                        service:
                          plan: office-365-e5
                          branding:
                            - name: OME Configuration
                              portal-text: %s
                        steps:
                          - note: hello
                        """.formatted("x".repeat(129)), "bad.yaml:5: branding template 'OME Configuration': the portal text"
                        + " is 129 characters long; the limit is 128"),
                arguments("a rule that protects with an unknown template", """
                        scenario: Statements
                        service:
                          plan: office-365-e3
                          rules:
                            - name: Cards out
                              if: { sent-to: outside, contains: credit-card-number }
                              then: { protect: encrypt-everything }
                        steps:
                          - note: hello
                        """, "bad.yaml:7: unknown rights template 'encrypt-everything' (templates: Encrypt-Only, Do Not Forward)"),
                arguments("a rule condition with a misspelt sensitive type", """
                        scenario: Statements
                        service:
                          plan: office-365-e3
                          rules:
                            - name: Cards out
                              if: { contains: credit-card-numbers }
                              then: { protect: encrypt-only }
                        steps:
                          - note: hello
                        """, "bad.yaml:6: unknown sensitive information type 'credit-card-numbers'; did you mean"
                        + " 'credit-card-number'?"),
                arguments("revoking on a plan without revocation", """
                        scenario: Statements
                        service:
                          plan: office-365-e3
                        steps:
                          - send: { id: s, from: alice, to: carol, subject: Hi, text: Hello }
                          - revoke: { message: s, by: alice }
                        """, "bad.yaml:6: Revoking messages needs an E5 plan (Office 365 or Microsoft 365 E5, A5, G5) or the"
                        + " Advanced Message Encryption add-on; Contoso has Office 365 E3"),
                arguments("a portal visit without a service", """
                        scenario: Statements
                        steps:
                          - send: { id: s, from: alice, to: carol, subject: Hi, text: Hello }
                          - portal: { who: carol, message: s }
                        """, "bad.yaml:4: 'portal' needs the organization's message encryption service: add a 'service' section"),
                arguments("an inside reader in the portal", """
                        scenario: Statements
                        service:
                          plan: office-365-e3
                        steps:
                          - send: { id: s, from: alice, to: bob, subject: Hi, text: Hello }
                          - portal: { who: bob, message: s }
                        """, "bad.yaml:6: 'bob@contoso.example' is inside the organization and reads protected mail inline,"
                        + " not in the portal (use 'read')"),
                arguments("a clock step without a unit", """
                        scenario: Statements
                        steps:
                          - advance-clock: 31
                        """, "bad.yaml:3: 'advance-clock' must be a time like 30m, 12h or 31d"),
                arguments("an unknown key type in certificates", """
                        scenario: Contract
                        certificates:
                          alice: rsa4096
                        steps:
                          - note: hello
                        """, "bad.yaml:3: unknown key type 'rsa4096' (key types: rsa2048, rsa3072, ec-p256)"),
                arguments("a certificate for someone who does not exist", """
                        scenario: Contract
                        certificates:
                          zed: rsa2048
                        steps:
                          - note: hello
                        """, "bad.yaml:3: unknown person 'zed' (people: alice, bob, carol, dave, erin, frank)"),
                arguments("a certificate issuer that is neither trusted nor unknown", """
                        scenario: Contract
                        certificates:
                          alice: { key: ec-p256, issuer: mallory }
                        steps:
                          - note: hello
                        """, "bad.yaml:3: 'issuer' must be 'trusted' (their organization's or the public CA)"
                        + " or 'unknown' (a CA nobody trusts)"),
                arguments("an S/MIME send from someone without a certificate", """
                        scenario: Contract
                        steps:
                          - send:
                              from: alice
                              to: frank
                              subject: Contract
                              text: Attached.
                              path: smime
                        """, "bad.yaml:8: the sender alice@contoso.example holds no certificate, so their client cannot"
                        + " sign or keep a readable copy (list them under 'certificates', or add 'fails-with' to show the refusal)"),
                arguments("a misspelt path", """
                        scenario: Contract
                        certificates: { alice: rsa2048 }
                        steps:
                          - send: { from: alice, to: frank, subject: Contract, text: Attached., path: smim }
                        """, "bad.yaml:4: unknown path 'smim'; did you mean 'smime'?"),
                arguments("S/MIME options on plain mail", """
                        scenario: Contract
                        certificates: { alice: rsa2048 }
                        steps:
                          - send: { from: alice, to: frank, subject: Contract, text: Attached., smime: { encrypt: false } }
                        """, "bad.yaml:4: 'smime' options need 'path: smime'"),
                arguments("an unknown cipher", """
                        scenario: Contract
                        certificates: { alice: rsa2048 }
                        steps:
                          - send:
                              from: alice
                              to: frank
                              subject: Contract
                              path: smime
                              smime: { cipher: des }
                        """, "bad.yaml:9: unknown cipher 'des' (ciphers: aes-256-gcm, aes-128-gcm, aes-256-cbc, aes-128-cbc)"),
                arguments("S/MIME that neither signs nor encrypts", """
                        scenario: Contract
                        certificates: { alice: rsa2048 }
                        steps:
                          - send:
                              from: alice
                              to: frank
                              subject: Contract
                              path: smime
                              smime: { sign: false, encrypt: false }
                        """, "bad.yaml:9: S/MIME must sign, encrypt, or both; for neither use 'path: plain'"),
                arguments("a certificate exchange with someone who holds none", """
                        scenario: Contract
                        certificates: { alice: rsa2048 }
                        steps:
                          - exchange-certificates: [alice, frank]
                        """, "bad.yaml:4: 'frank' holds no certificate, so cannot take part in exchange-certificates"
                        + " (list them under 'certificates')"),
                arguments("a certificate exchange with three people", """
                        scenario: Contract
                        certificates: { alice: rsa2048, frank: rsa2048, bob: rsa2048 }
                        steps:
                          - exchange-certificates: [alice, frank, bob]
                        """, "bad.yaml:4: 'exchange-certificates' must be a list of two people"),
                arguments("an unknown top-level key", """
                        scenario: Statement
                        title: Card statement
                        steps:
                          - note: hello
                        """, "bad.yaml:2: unknown key 'title' in scenario file"
                        + " (known keys: scenario, summary, seed, clock, world, certificates, service, paths, steps)"),
                arguments("a misspelt key in a send", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              cc: bob
                              tos: carol
                              subject: Your statement
                        """, "bad.yaml:6: unknown key 'tos' in send; did you mean 'to'?"),
                arguments("an unknown key in a person", """
                        scenario: Statement
                        world:
                          organization:
                            name: Contoso
                            domain: contoso.example
                            users:
                              alice: { name: Alice Adams, mail: alice@contoso.example }
                        steps:
                          - note: hello
                        """, "bad.yaml:7: unknown key 'mail' in person 'alice' (known keys: name, address, password)"),
                arguments("a misspelt key in an attachment, which also leaves it without content", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol
                              subject: Your statement
                              attachments:
                                - name: statement.csv
                                  contents: "date,amount"
                        """, """
                        bad.yaml:8: attachment needs exactly one of 'content' and 'file'
                        bad.yaml:9: unknown key 'contents' in attachment; did you mean 'content'?"""),
                arguments("a misspelt step kind", """
                        scenario: Statement
                        steps:
                          - sned:
                              from: alice
                        """, "bad.yaml:3: unknown step 'sned'; did you mean 'send'?"),
                arguments("an unknown step kind", """
                        scenario: Statement
                        steps:
                          - shout: hello
                        """, "bad.yaml:3: unknown step 'shout' (steps: note, send, wait, read, expect, exchange-certificates, publish-certificate, revoke-certificate,"
                        + " portal, forward, revoke, steal-mailbox, follow-link, advance-clock, outage, slow, drop-data, defer, restore)"),
                arguments("a step whose fields are not indented under its kind", """
                        scenario: Statement
                        steps:
                          - send:
                            from: alice
                        """, "bad.yaml:3: a step must have exactly one key naming its kind; this one has send, from"
                        + " (indent the fields under 'send')"),
                arguments("a duplicate key", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol
                              to: dave
                              subject: Your statement
                        """, "bad.yaml:6: duplicate key 'to'"),
                arguments("a missing title", """
                        summary: no title
                        steps:
                          - note: hello
                        """, "bad.yaml:1: scenario file is missing 'scenario'"),
                arguments("a send without a sender", """
                        scenario: Statement
                        steps:
                          - note: first
                          - send:
                              to: carol
                              subject: Your statement
                        """, "bad.yaml:5: send is missing 'from'"),
                arguments("a provider without a kind, and default people it leaves without a provider", """
                        scenario: Statement
                        world:
                          providers:
                            - { name: Gmail, domain: gmail.example }
                        steps:
                          - note: hello
                        """, """
                        bad.yaml:3: no provider serves the default world's people: dave@yahoo.example, \
                        erin@outlook.example, frank@fabrikam.example (provider domains: gmail.example); \
                        declare 'people' too
                        bad.yaml:4: provider is missing 'kind'"""),
                arguments("a provider without a domain, which leaves nobody reported as unserved", """
                        scenario: Statement
                        world:
                          providers:
                            - { name: Gmail, kind: gmail }
                        steps:
                          - note: hello
                        """, "bad.yaml:4: provider is missing 'domain'"),
                arguments("an unknown person", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: [carol, zed]
                              subject: Your statement
                        """, "bad.yaml:5: unknown person 'zed' (people: alice, bob, carol, dave, erin, frank)"),
                arguments("a malformed address", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol@@gmail.example
                              subject: Your statement
                        """, "bad.yaml:5: 'carol@@gmail.example' is not an email address"),
                arguments("a person at a domain no provider serves", """
                        scenario: Statement
                        world:
                          people:
                            gina: { name: Gina Green, address: gina@hotmail.example }
                        steps:
                          - note: hello
                        """, "bad.yaml:4: no provider serves 'gina@hotmail.example'"
                        + " (provider domains: outlook.example, gmail.example, yahoo.example, fabrikam.example)"),
                arguments("an outside person in the organization's domain", """
                        scenario: Statement
                        world:
                          people:
                            gina: { name: Gina Green, address: gina@contoso.example }
                        steps:
                          - note: hello
                        """, "bad.yaml:4: 'gina@contoso.example' is in the organization's domain;"
                        + " list 'gina' under organization.users"),
                arguments("an organization user outside the organization's domain", """
                        scenario: Statement
                        world:
                          organization:
                            name: Contoso
                            domain: contoso.example
                            users:
                              alice: { name: Alice Adams, address: alice@gmail.example }
                        steps:
                          - note: hello
                        """, "bad.yaml:7: 'alice@gmail.example' is not in the organization's domain contoso.example"),
                arguments("a person id used twice", """
                        scenario: Statement
                        world:
                          organization:
                            name: Contoso
                            domain: contoso.example
                            users:
                              bob: { name: Bob Brown }
                          people:
                            bob: { name: Bob Baker, address: bob@gmail.example }
                        steps:
                          - note: hello
                        """, "bad.yaml:9: person 'bob' is already defined on line 7"),
                arguments("a person id the default world already has", """
                        scenario: Statement
                        world:
                          people:
                            alice: { name: Alice Ames, address: alice@gmail.example }
                        steps:
                          - note: hello
                        """, "bad.yaml:4: person 'alice' is already defined in the default world"),
                arguments("an unknown provider kind", """
                        scenario: Statement
                        world:
                          providers:
                            - { name: Gmail, domain: gmail.example, kind: gmial }
                            - { name: Outlook.com, domain: outlook.example, kind: outlook }
                            - { name: Yahoo Mail, domain: yahoo.example, kind: yahoo }
                            - { name: Fabrikam Law, domain: fabrikam.example, kind: organization }
                        steps:
                          - note: hello
                        """, "bad.yaml:4: unknown kind 'gmial'; did you mean 'gmail'?"),
                arguments("a domain that is not a domain", """
                        scenario: Statement
                        world:
                          organization: { name: Contoso, domain: contoso, users: {} }
                        steps:
                          - note: hello
                        """, "bad.yaml:3: 'contoso' is not a mail domain"),
                arguments("a message id used twice", """
                        scenario: Statement
                        steps:
                          - send: { id: statement, from: alice, to: carol, subject: March }
                          - send: { id: statement, from: alice, to: carol, subject: April }
                        """, "bad.yaml:4: message id 'statement' is already used by the send on line 3"),
                arguments("a default message id already taken", """
                        scenario: Statement
                        steps:
                          - send: { id: m2, from: alice, to: carol, subject: March }
                          - send: { from: alice, to: carol, subject: April }
                        """, "bad.yaml:4: this send's default id 'm2' is already used by the send on line 3;"
                        + " give this send an 'id'"),
                arguments("a message named before it is sent", """
                        scenario: Statement
                        steps:
                          - expect: { message: statement, delivered-to: carol }
                          - send: { id: statement, from: alice, to: carol, subject: March }
                        """, "bad.yaml:3: message 'statement' is not sent before this step"),
                arguments("an item the message does not have", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol
                              subject: Your statement
                              text: Card 4111 1111 1111 1111
                              secrets: { card number: 4111 1111 1111 1111 }
                          - expect:
                              message: m1
                              party: wire
                              cannot-read: [body, card]
                        """, "bad.yaml:12: unknown item 'card'"
                        + " (items of message 'm1': headers, body, attachments, card number)"),
                arguments("a misspelt party", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - expect: { message: m1, party: sendr, can-read: body }
                        """, "bad.yaml:4: unknown party 'sendr'; did you mean 'sender'?"),
                arguments("a secret that is not in the message", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol
                              subject: Your statement
                              text: Your card ending 1111
                              secrets:
                                card number: 4111 1111 1111 1111
                        """, "bad.yaml:9: secret 'card number' does not appear in the message"),
                arguments("a timeout without a unit", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - wait: { for: delivery, timeout: 30 }
                        """, "bad.yaml:4: 'timeout' must be a duration like 500ms, 30s or 2m"),
                arguments("a zero timeout", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - wait:
                              timeout: 0s
                        """, "bad.yaml:5: 'timeout' must be greater than zero"),
                arguments("a clock that is not an instant", """
                        scenario: Statement
                        clock: March 2nd
                        steps:
                          - note: hello
                        """, "bad.yaml:2: 'clock' must be an instant like 2026-03-02T09:00:00Z"),
                arguments("a seed that is not an integer", """
                        scenario: Statement
                        seed: 4.5
                        steps:
                          - note: hello
                        """, "bad.yaml:2: 'seed' must be an integer"),
                arguments("an attachment file that does not exist", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol
                              subject: Your statement
                              attachments:
                                - { name: statement.csv, file: statement.csv }
                        """, "bad.yaml:8: attachment file 'statement.csv' does not exist (looked for "
                        + Path.of("lessons", "statement.csv") + ")"),
                arguments("no steps", """
                        scenario: Statement
                        steps: []
                        """, "bad.yaml:2: 'steps' must be a non-empty list"),
                arguments("an expect with no form", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - expect:
                              message: m1
                        """, "bad.yaml:5: expect needs one of: mailbox, party, delivered-to, bounced-for"),
                arguments("recipients of the wrong shape", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: { name: carol }
                              subject: Your statement
                        """, "bad.yaml:5: 'to' must be a person, an address or a list of them"),
                arguments("a send without recipients", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              subject: Your statement
                        """, "bad.yaml:4: send needs at least one recipient in 'to', 'cc' or 'bcc'"),
                arguments("a mailbox expect with both holds and lacks", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - expect: { mailbox: carol, holds: m1, lacks: m1 }
                        """, "bad.yaml:4: expect needs exactly one of 'holds' and 'lacks'"),
                arguments("an expect mixing forms", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - expect: { message: m1, party: carol, can-read: body, delivered-to: carol }
                        """, "bad.yaml:4: expect takes one form: mailbox, party, or delivered-to/bounced-for,"
                        + " not several"),
                arguments("a key from another expect form", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - expect:
                              mailbox: carol
                              holds: m1
                              message: m1
                        """, "bad.yaml:7: 'message' does not belong in a mailbox expect"
                        + " (keys: mailbox, folder, holds, lacks)"),
                arguments("a secret named like a part of every message", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol
                              subject: Your statement
                              secrets: { body: Your statement }
                        """, "bad.yaml:7: secret label 'body' is taken:"
                        + " headers, body and attachments name parts of every message"),
                arguments("an item both readable and not", """
                        scenario: Statement
                        steps:
                          - send: { from: alice, to: carol, subject: March }
                          - expect:
                              message: m1
                              party: service
                              can-read: [headers, body]
                              cannot-read: body
                        """, "bad.yaml:8: 'body' is in both can-read and cannot-read"),
                arguments("waiting for something other than delivery", """
                        scenario: Statement
                        steps:
                          - wait: lunch
                        """, "bad.yaml:3: can only wait for 'delivery', not 'lunch'"),
                arguments("a read of someone who is not a person", """
                        scenario: Statement
                        steps:
                          - read: nobody@gmail.example
                        """, "bad.yaml:3: unknown person 'nobody@gmail.example'"
                        + " (people: alice, bob, carol, dave, erin, frank)"),
                arguments("a required value left empty", """
                        scenario: Statement
                        steps:
                          - send:
                              from: alice
                              to: carol
                              subject:
                        """, "bad.yaml:6: 'subject' has no value"),
                arguments("an outage of a site the world does not have", """
                        scenario: Down
                        steps:
                          - outage: { site: gmial.example, for: 6h }
                        """, "bad.yaml:3: unknown site 'gmial.example'; did you mean 'gmail.example'?"),
                arguments("an outage for an unreadable time", """
                        scenario: Down
                        steps:
                          - outage: { site: gmail.example, for: soon }
                        """, "bad.yaml:3: 'for' must be a time like 30m, 6h or 3d, at most 36500 days"),
                arguments("a slow site slower than the transport waits", """
                        scenario: Slow
                        steps:
                          - slow: { site: gmail.example, by: 5m }
                        """, "bad.yaml:3: 'by' must be a delay like 500ms or 2s, at most 30s"),
                arguments("an anchor whose value holds its own alias", """
                        scenario: Loop
                        steps:
                          - send: &s { <<: *s, from: alice }
                        """, "bad.yaml:3: the alias *s is used inside the value its anchor names, so that value would"
                        + " contain itself"),
                arguments("5,000 levels of flow nesting", "scenario: Deep\nsteps:\n  - send: " + "[".repeat(5000)
                        + "]".repeat(5000) + "\n", "bad.yaml:3: the script nests values more than 40 levels deep;"
                        + " no scenario needs that many"),
                arguments("block nesting too deep", "scenario: Deep\nsteps:\n" + blockNesting(60),
                        "bad.yaml:42: the script nests values more than 40 levels deep; no scenario needs that many"),
                arguments("a script over the size cap", "scenario: " + "x".repeat(ScenarioParser.MAX_SCRIPT_BYTES)
                        + "\n", "bad.yaml:1: the file is larger than 1024 KB, the most a scenario may be;"
                        + " put large attachments in files of their own ('file:')"),
                arguments("an organization with a bad domain and a service", """
                        scenario: Clinic
                        world:
                          organization:
                            name: Clinic
                            domain: "bad domain!"
                            users:
                              lee: { name: Lee }
                        service:
                          plan: microsoft-365-e5
                        steps:
                          - note: hello
                        """, "bad.yaml:5: 'bad domain!' is not a mail domain"),
                arguments("a clock advance too large for a number", """
                        scenario: Later
                        steps:
                          - advance-clock: 99999999999999999999d
                        """, "bad.yaml:3: 'advance-clock' must be a time like 30m, 12h or 31d"),
                arguments("a clock advance of Long.MAX_VALUE days", """
                        scenario: Later
                        steps:
                          - advance-clock: 9223372036854775807d
                        """, "bad.yaml:3: 'advance-clock' must be a time like 30m, 12h or 31d"),
                arguments("a clock advance past a century", """
                        scenario: Later
                        steps:
                          - advance-clock: 999999999999d
                        """, "bad.yaml:3: 'advance-clock' must be at most 36500 days (100 years)"),
                arguments("clock advances that add up past a century", """
                        scenario: Later
                        steps:
                          - advance-clock: 36500d
                          - advance-clock: 1d
                        """, "bad.yaml:4: together the 'advance-clock' steps move the clock more than 36500 days"
                        + " (100 years)"),
                arguments("a clock in year -999999999", """
                        scenario: Ancient
                        clock: -999999999-01-01T00:00:00Z
                        steps:
                          - note: hello
                        """, "bad.yaml:2: 'clock' must be between 1970-01-01T00:00:00Z and 2999-12-31T23:59:59Z"),
                arguments("a wait longer than ten minutes", """
                        scenario: Patience
                        steps:
                          - wait: { timeout: 999999m }
                        """, "bad.yaml:3: 'timeout' must be at most 10m"),
                arguments("an attachment name with a line break", """
                        scenario: Names
                        steps:
                          - send:
                              from: alice
                              to: carol
                              subject: hi
                              attachments:
                                - { name: "a\\r\\nb.txt", content: x }
                        """, "bad.yaml:8: an attachment's 'name' may not hold line breaks or control characters"),
                arguments("line breaks in an unknown step's name are escaped", """
                        scenario: Names
                        steps:
                          - "bad\\r\\nstep\\u0001": 2
                        """, "bad.yaml:3: unknown step 'bad\\r\\nstep\\u0001' (steps: note, send, wait, read, expect,"
                        + " exchange-certificates, publish-certificate, revoke-certificate, portal, forward, revoke,"
                        + " steal-mailbox, follow-link, advance-clock, outage, slow, drop-data, defer, restore)"));
    }

    private static String blockNesting(int levels) {
        StringBuilder yaml = new StringBuilder("  - note:\n");
        for (int level = 0; level < levels; level++) {
            yaml.append("    ").append("  ".repeat(level)).append("k:\n");
        }
        return yaml.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScripts")
    void reportsTheMistakeAtItsLine(String mistake, String yaml, String expected) {
        InvalidScenarioException invalid = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioParser.parse("bad.yaml", yaml, BASE_DIR));

        assertThat(invalid).as(mistake).isNotNull();
        assertThat(invalid.getMessage()).isEqualTo(expected);
    }

    @Test
    @DisplayName("an attachment or a logo over its limit is refused by its size, before it is read")
    void refusesHugeFilesBeforeReadingThem(@TempDir Path folder) throws Exception {
        for (String name : new String[] {"huge.bin", "huge.png"}) {
            try (RandomAccessFile sparse = new RandomAccessFile(folder.resolve(name).toFile(), "rw")) {
                sparse.setLength(3L * 1024 * 1024 * 1024);
            }
        }
        String yaml = """
                scenario: Huge
                service:
                  plan: microsoft-365-e5
                  branding:
                    - { name: Big, logo: huge.png }
                steps:
                  - send:
                      from: alice
                      to: carol
                      subject: hi
                      attachments:
                        - { name: huge.bin, file: huge.bin }
                """;

        InvalidScenarioException invalid = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioParser.parse("bad.yaml", yaml, folder));

        assertThat(invalid.problems()).extracting(Problem::toString).containsExactly(
                "bad.yaml:5: logo file '" + folder.resolve("huge.png") + "' is larger than 40 KB, the most a branding"
                        + " logo may be",
                "bad.yaml:12: attachment file 'huge.bin' is larger than 25 MB, the transport's size limit for a whole"
                        + " message");
    }

    @Test
    @DisplayName("a script over the size cap is refused in well under a second, without parsing it")
    void refusesAHugeScriptQuickly(@TempDir Path folder) throws Exception {
        Path script = folder.resolve("huge.yaml");
        java.nio.file.Files.writeString(script, "scenario: x\nsubject: " + "y".repeat(20 * 1024 * 1024) + "\n");

        long started = System.nanoTime();
        InvalidScenarioException invalid = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioParser.parse(script));

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
        assertThat(invalid.getMessage()).endsWith(":1: the file is larger than 1024 KB, the most a scenario may be;"
                + " put large attachments in files of their own ('file:')");
    }

    @Test
    @DisplayName("every problem in a file is reported at once, in line order")
    void reportsEveryProblemInLineOrder() {
        String yaml = """
                scenario: Statement
                seed: lots
                steps:
                  - send:
                      from: zed
                      to: carol
                      subject: Your statement
                      secrets: { card number: 4111 1111 1111 1111 }
                  - wait: { timeout: soon }
                  - expect: { message: m9, delivered-to: carol }
                clock: yesterday
                """;

        InvalidScenarioException invalid = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioParser.parse("bad.yaml", yaml, BASE_DIR));

        assertThat(invalid.problems()).extracting(Problem::toString).containsExactly(
                "bad.yaml:2: 'seed' must be an integer",
                "bad.yaml:5: unknown person 'zed' (people: alice, bob, carol, dave, erin, frank)",
                "bad.yaml:9: 'timeout' must be a duration like 500ms, 30s or 2m",
                "bad.yaml:10: message 'm9' is not sent before this step",
                "bad.yaml:11: 'clock' must be an instant like 2026-03-02T09:00:00Z");
        assertThat(invalid.getMessage()).isEqualTo(String.join("\n",
                invalid.problems().stream().map(Problem::toString).toList()));
    }
}
