package org.envelopelab.scenario.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The world a scenario runs in when it does not declare one: Contoso (contoso.example) with
 * alice and bob, the outside providers, and carol, dave, erin and frank at them. It is kept as
 * YAML next to this class, in the same format as a script's {@code world} section, so students
 * can read it as an example.
 */
public final class DefaultWorld {

    private static final String RESOURCE = "default-world.yaml";

    private DefaultWorld() {
    }

    /** The default world, read once. */
    public static World get() {
        return Loaded.WORLD;
    }

    /** Holds the world, read when first asked for (class initialisation is lazy and thread-safe). */
    private static final class Loaded {
        static final World WORLD = load();
    }

    private static World load() {
        Problems problems = new Problems(RESOURCE);
        NodeReader reader = new NodeReader(problems);
        World world = ScriptSyntax.compose(readResource(), problems)
                .flatMap(root -> reader.mapping(root, "the default world must be a mapping", "world", WorldReader.KEYS))
                .map(mapping -> new WorldReader(reader).read(mapping, null))
                .orElse(null);
        try {
            problems.throwIfAny();
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the embedded default world is invalid:\n" + e.getMessage(), e);
        }
        return world;
    }

    private static String readResource() {
        try (InputStream in = DefaultWorld.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
