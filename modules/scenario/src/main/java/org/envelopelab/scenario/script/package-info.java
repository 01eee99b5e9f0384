/**
 * The scenario script format: {@link org.envelopelab.scenario.script.ScenarioParser} reads a YAML
 * script into a validated {@link org.envelopelab.scenario.script.Scenario}, or reports every
 * problem in it with its line. The format and its messages are documented in scenarios/README.md.
 *
 * <p>The readers follow the script's shape: {@code WorldReader} (with {@code WorldRules} for the
 * rules across its sections), {@code StepReader}, {@code SendReader} (with
 * {@code AttachmentReader}), {@code ExpectReader} (with {@code PartyGrammar}). They read YAML nodes
 * through {@code NodeReader} and {@code ScriptMapping}, which know each node's line, and check
 * references through {@code Roster} (people) and {@code SentMessages} (messages sent so far).
 */
package org.envelopelab.scenario.script;
