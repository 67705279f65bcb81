package io.reelhub.delivery.bin;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the editors' machines find a file of the bins folder. Timelines link media by absolute {@code file:} URL,
 * and the hub and the editors seldom mount the share at the same place ({@code /mnt/post/bins} on the hub,
 * {@code /Volumes/Post/bins} on a Mac): {@code editorsBinsUrl} says where the editors see the bins folder, and every
 * media URL is that plus the file's path inside the folder. Without it, URLs are the hub's own paths.
 *
 * @param binsRoot the bins folder as the hub sees it (absolute, normalised)
 * @param binsUrl  the bins folder as the editors see it, a {@code file:} URL ending in {@code /}; null for the hub's
 */
record EditorsView(Path binsRoot, URI binsUrl) {

    /**
     * @param editorsBinsUrl blank for the hub's own paths
     * @throws IllegalArgumentException if it is not an absolute {@code file:} URL
     */
    static EditorsView of(Path binsRoot, String editorsBinsUrl) {
        Path root = binsRoot.toAbsolutePath().normalize();
        if (editorsBinsUrl == null || editorsBinsUrl.isBlank()) {
            return new EditorsView(root, null);
        }
        String text = editorsBinsUrl.strip();
        URI url;
        try {
            url = new URI(text.endsWith("/") ? text : text + "/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("editorsBinsUrl '" + text + "' is not a URL (write a space as %20): "
                    + e.getReason(), e);
        }
        if (!"file".equalsIgnoreCase(url.getScheme()) || url.getRawPath() == null
                || !url.getRawPath().startsWith("/")) {
            throw new IllegalArgumentException("editorsBinsUrl must be the bins folder as editors mount it, as an "
                    + "absolute file: URL such as file:///Volumes/Post/bins/, was '" + text + "'");
        }
        // file:/x and file:///x name the same folder; editing tools expect the second.
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
        return new EditorsView(root, URI.create("file://" + authority + url.getRawPath()));
    }

    /** The URL editors open {@code file} (a file inside the bins folder) by. */
    URI urlOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (binsUrl == null) {
            return absolute.toUri();
        }
        if (!absolute.startsWith(binsRoot)) {
            throw new IllegalArgumentException(absolute + " is not inside the bins folder " + binsRoot);
        }
        StringBuilder relative = new StringBuilder();
        for (Path segment : binsRoot.relativize(absolute)) {
            if (!relative.isEmpty()) {
                relative.append('/');
            }
            // Bin names are checked ids ([a-z0-9._-]); encoding keeps the promise if that ever widens.
            relative.append(encode(segment.toString()));
        }
        // Not URI.resolve: it drops the empty authority of file:///, which Final Cut needs.
        return URI.create(binsUrl + relative.toString());
    }

    private static String encode(String segment) {
        try {
            return new URI(null, null, segment, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot put '" + segment + "' in a URL", e);
        }
    }
}
