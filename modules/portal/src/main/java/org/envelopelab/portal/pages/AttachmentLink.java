package org.envelopelab.portal.pages;

/**
 * A file of the message, as the page lists it.
 *
 * @param name its file name (escaped by the template, like every value)
 * @param href its download link: the message link and the file's number, never its name
 * @param size its size, for people: "12 KB"
 */
public record AttachmentLink(String name, String href, String size) {

    public static String sizeOf(int bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
