package org.envelopelab.scenario.script;

import org.envelopelab.service.branding.BrandingRules;
import org.envelopelab.service.branding.BrandingTemplate;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads one branding template. Unwritten fields keep the product's defaults; every limit (name,
 * logo, colour, text lengths, expiry, URL) is checked by the service's own {@link BrandingRules},
 * and each problem is reported at the template's line.
 */
final class BrandingReader {

    static final List<String> KEYS = List.of("name", "logo", "background-color", "email-text", "introduction-text",
            "read-button-text", "disclaimer", "portal-text", "otp", "social-sign-in", "expiry-days", "privacy-url");

    private final NodeReader reader;
    private final Path baseDir;

    BrandingReader(NodeReader reader, Path baseDir) {
        this.reader = reader;
        this.baseDir = baseDir;
    }

    Optional<BrandingTemplate> read(Node node) {
        Optional<ScriptMapping> found = reader.mapping(node, "each branding template must be a mapping", "branding template", KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping written = found.get();
        int problemsBefore = reader.problems().count();
        BrandingTemplate defaults = BrandingTemplate.defaults();
        String name = written.requiredText("name").orElse("");
        byte[] logo = null;
        String logoType = null;
        Optional<Node> logoNode = written.optional("logo");
        if (logoNode.isPresent()) {
            Optional<Path> file = reader.text(logoNode.get(), "logo").flatMap(path -> logoFile(path, logoNode.get()));
            if (file.isPresent()) {
                logo = bytes(file.get(), logoNode.get());
                logoType = typeOf(file.get());
            }
        }
        BrandingTemplate template = new BrandingTemplate(name, logo, logoType,
                text(written, "background-color", defaults.backgroundColor()),
                text(written, "email-text", defaults.emailText()),
                text(written, "introduction-text", defaults.introductionText()),
                text(written, "read-button-text", defaults.readButtonText()),
                text(written, "disclaimer", defaults.disclaimerText()),
                text(written, "portal-text", defaults.portalText()),
                written.optional("otp").flatMap(value -> reader.bool(value, "otp")).orElse(defaults.otpEnabled()),
                written.optional("social-sign-in").flatMap(value -> reader.bool(value, "social-sign-in"))
                        .orElse(defaults.socialSignInEnabled()),
                written.optional("expiry-days").flatMap(this::days).orElse(defaults.externalExpiryDays()),
                text(written, "privacy-url", defaults.privacyStatementUrl()));
        if (reader.problems().count() > problemsBefore) {
            return Optional.empty();
        }
        List<String> problems = BrandingRules.problems(template);
        problems.forEach(problem -> reader.problems().report(written.line(), "branding template '" + name + "': " + problem));
        BrandingRules.warnings(template).forEach(warning -> reader.problems().warn(written.line(),
                "branding template '" + name + "': " + warning));
        return problems.isEmpty() ? Optional.of(template) : Optional.empty();
    }

    private String text(ScriptMapping written, String key, String fallback) {
        return written.optional(key).flatMap(value -> reader.text(value, key)).map(String::strip).orElse(fallback);
    }

    private Optional<Integer> days(Node node) {
        return reader.text(node, "expiry-days").flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text.trim()));
            } catch (NumberFormatException e) {
                reader.report(node, mustBe("expiry-days", "a whole number of days (0 for never)"));
                return Optional.empty();
            }
        });
    }

    private Optional<Path> logoFile(String path, Node at) {
        try {
            Path file = baseDir.resolve(path);
            if (!Files.isRegularFile(file)) {
                reader.report(at, "logo file '" + path + "' does not exist (looked for " + file.toAbsolutePath().normalize() + ")");
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (InvalidPathException e) {
            reader.report(at, "'" + path + "' is not a file path");
            return Optional.empty();
        }
    }

    private byte[] bytes(Path file, Node at) {
        try {
            if (Files.size(file) > BrandingRules.LOGO_LIMIT_BYTES) {
                reader.report(at, "logo file '" + file + "' is larger than " + BrandingRules.LOGO_LIMIT_BYTES / 1024
                        + " KB, the most a branding logo may be");
                return null;
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            reader.report(at, "logo file '" + file + "' cannot be read");
            return null;
        }
    }

    private static String typeOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".bmp")) {
            return "image/bmp";
        }
        return name.endsWith(".tif") || name.endsWith(".tiff") ? "image/tiff" : "application/octet-stream";
    }
}
