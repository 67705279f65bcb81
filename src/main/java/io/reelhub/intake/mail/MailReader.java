package io.reelhub.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * Reads a mail's parts in one pass without holding an attachment in memory: brief files are read up to the brief
 * size limit (the rest only counted, so a too-large brief is refused with its real size), images are streamed to a
 * work file while their SHA-256 is computed, other files are not downloaded at all. Over IMAP each part is fetched
 * in chunks as it is read, so a 20 MB attachment costs a buffer, not 20 MB.
 * <p>
 * Every attachment is kept, whatever its name: two {@code brief.yaml} are two briefs. A read error (a corrupt
 * encoding, a dropped connection) is thrown, so the mail is tried again and, if it keeps failing, given up.
 */
final class MailReader {

    static final Set<String> BRIEF_EXTENSIONS = Set.of("yaml", "yml", "json", "md", "markdown");
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp", "gif", "tif", "tiff", "bmp",
            "heic", "heif", "avif", "exr", "dpx");

    private final long maxBriefBytes;
    private final long maxImageBytes;

    MailReader(long maxBriefBytes, long maxImageBytes) {
        this.maxBriefBytes = maxBriefBytes;
        this.maxImageBytes = maxImageBytes;
    }

    /** @param workDir where images are streamed to; the caller deletes it */
    MailParts read(Part mail, Path workDir) throws MessagingException, IOException {
        State state = new State(workDir);
        walk(mail, state);
        return new MailParts(state.body, state.body == null && state.sawHtml, List.copyOf(state.attachments));
    }

    private void walk(Part part, State state) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), state);
            }
            return;
        }
        String name = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null;
        if (!attached && part.isMimeType("text/plain") && state.body == null) {
            state.body = text(part);
            return;
        }
        if (!attached && part.isMimeType("text/html")) {
            state.sawHtml = true;
            return;
        }
        if (!attached && !part.isMimeType("image/*")) {
            return; // a second text body, a calendar invite, a signature: not a file the sender attached
        }
        if (name == null) {
            name = "attachment-" + (state.attachments.size() + 1) + extensionFor(part);
        }
        int index = state.seen.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
        String extension = extension(name);
        if (BRIEF_EXTENSIONS.contains(extension)) {
            state.attachments.add(briefFile(part, name, index));
        } else if (IMAGE_EXTENSIONS.contains(extension) || part.isMimeType("image/*")) {
            state.attachments.add(image(part, name, index, state));
        } else {
            state.attachments.add(new MailParts.Other(name, index, part.getSize(), baseType(part)));
        }
    }

    private MailParts.BriefFile briefFile(Part part, String name, int index) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] prefix = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBriefBytes + 1));
            long size = prefix.length + (prefix.length > maxBriefBytes ? in.transferTo(OutputStream.nullOutputStream())
                    : 0);
            return new MailParts.BriefFile(name, index, prefix, size);
        }
    }

    private MailParts.Image image(Part part, String name, int index, State state)
            throws MessagingException, IOException {
        Files.createDirectories(state.workDir);
        Path file = state.workDir.resolve("image-" + state.attachments.size());
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = part.getInputStream();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            byte[] buffer = new byte[64 * 1024];
            size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxImageBytes) {
                    size += in.transferTo(OutputStream.nullOutputStream());
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (size > maxImageBytes) {
            Files.deleteIfExists(file);
            return new MailParts.Image(name, index, null, size, null);
        }
        return new MailParts.Image(name, index, file, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** The text of a body part, decoded from its declared charset (UTF-8 when none or unknown), limited in size. */
    private String text(Part part) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            if (declared != null) {
                charset = Charset.forName(MimeUtility.javaCharset(declared));
            }
        } catch (ParseException | IllegalArgumentException unknown) {
            // keep UTF-8: a wrong charset label should not cost the brief
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBriefBytes * 4));
            return new String(bytes, charset);
        }
    }

    /** The attachment's file name, decoded (RFC 2047 / 2231) and without any folder part. */
    static String fileName(Part part) throws MessagingException {
        String raw;
        try {
            raw = part.getFileName();
        } catch (MessagingException unreadable) {
            return null;
        }
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = MimeUtility.decodeText(raw);
        } catch (java.io.UnsupportedEncodingException e) {
            decoded = raw;
        }
        decoded = decoded.replace('\\', '/');
        decoded = decoded.substring(decoded.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "_").trim();
        return decoded.isEmpty() ? null : decoded;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String extensionFor(Part part) throws MessagingException {
        String type = baseType(part);
        int slash = type.indexOf('/');
        String sub = slash < 0 ? "" : type.substring(slash + 1);
        return switch (sub) {
            case "jpeg" -> ".jpg";
            case "png", "gif", "webp", "tiff", "heic", "avif", "json", "yaml" -> "." + sub;
            case "x-yaml" -> ".yaml";
            case "markdown" -> ".md";
            default -> "";
        };
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class State {
        final Path workDir;
        final List<MailParts.Attachment> attachments = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();
        String body;
        boolean sawHtml;

        State(Path workDir) {
            this.workDir = workDir;
        }
    }
}
