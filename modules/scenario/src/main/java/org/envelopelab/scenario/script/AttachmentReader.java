package org.envelopelab.scenario.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one attachment of a send step: its name, its media type (guessed from the name when not
 * given) and its bytes, written inline as {@code content} or read from a {@code file} next to the
 * script. Files are read at parse time so a missing file fails before the run starts.
 */
final class AttachmentReader {

    static final List<String> KEYS = List.of("name", "type", "content", "file");

    /** No attachment larger than the transport's size limit (25 MB, as Exchange Online's) could ever be sent. */
    static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

    private final NodeReader reader;
    private final Path baseDir;

    /** @param baseDir the folder {@code file:} paths are relative to, normally the script's own */
    AttachmentReader(NodeReader reader, Path baseDir) {
        this.reader = reader;
        this.baseDir = baseDir;
    }

    /** The attachment, or empty when anything about it was reported. */
    Optional<Step.Attachment> read(Node node) {
        Optional<ScriptMapping> found = reader.mapping(node, "each attachment must be a mapping", "attachment", KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping attachment = found.get();
        int problemsBefore = reader.problems().count();
        Optional<String> name = attachment.requiredText("name").filter(written -> {
            boolean plain = written.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
            if (!plain) {
                reader.problems().report(attachment.line(), "an attachment's 'name' may not hold line breaks or control characters");
            }
            return plain;
        });
        Optional<String> type = attachment.optional("type").flatMap(this::mediaType);
        Optional<byte[]> content = content(attachment);
        if (reader.problems().count() > problemsBefore || name.isEmpty() || content.isEmpty()) {
            return Optional.empty();
        }
        String contentType = type.orElseGet(() -> MediaTypes.forFileName(name.get()));
        return Optional.of(new Step.Attachment(name.get(), contentType, content.get()));
    }

    private Optional<byte[]> content(ScriptMapping attachment) {
        boolean inline = attachment.has("content");
        if (inline == attachment.has("file")) {
            reader.problems().report(attachment.line(), "attachment needs exactly one of 'content' and 'file'");
            return Optional.empty();
        }
        if (inline) {
            return attachment.requiredText("content").map(text -> text.getBytes(StandardCharsets.UTF_8));
        }
        return attachment.required("file")
                .flatMap(node -> reader.text(node, "file").flatMap(relative -> file(relative, node)));
    }

    private Optional<byte[]> file(String relative, Node at) {
        Path path;
        try {
            path = baseDir.resolve(relative);
        } catch (InvalidPathException e) {
            reader.report(at, "'" + relative + "' is not a file path");
            return Optional.empty();
        }
        String problem = null;
        if (!Files.exists(path)) {
            problem = "does not exist (looked for " + path + ")";
        } else if (!Files.isRegularFile(path)) {
            problem = "is not a regular file";
        } else if (!Files.isReadable(path)) {
            problem = "cannot be read";
        }
        if (problem == null) {
            try {
                if (Files.size(path) > MAX_ATTACHMENT_BYTES) {
                    reader.report(at, "attachment file '" + relative + "' is larger than " + MAX_ATTACHMENT_BYTES
                            / (1024 * 1024) + " MB, the transport's size limit for a whole message");
                    return Optional.empty();
                }
                return Optional.of(Files.readAllBytes(path));
            } catch (IOException e) {
                problem = "cannot be read (" + e.getMessage() + ")";
            }
        }
        reader.report(at, "attachment file '" + relative + "' " + problem);
        return Optional.empty();
    }

    private Optional<String> mediaType(Node node) {
        return reader.text(node, "type").filter(type -> {
            boolean valid = MediaTypes.isMediaType(type);
            if (!valid) {
                reader.report(node, "'" + type + "' is not a media type like text/plain");
            }
            return valid;
        });
    }
}
