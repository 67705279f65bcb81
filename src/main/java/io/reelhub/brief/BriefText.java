package io.reelhub.brief;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw bytes of a brief file into text, or says why it is not a brief-sized UTF-8 text file. These checks
 * run before any parser sees the bytes, so a stray video, a Latin-1 export or a huge file gets a plain answer.
 */
final class BriefText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final long maxBytes;

    BriefText(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static Problem tooLarge(long size, long maxBytes) {
        return new Problem("", "the file is " + size + " bytes; the limit is " + maxBytes + " bytes");
    }

    /** The decoded text (without a byte-order mark), or empty with the problem added to {@code errors}. */
    Optional<String> decode(byte[] content, List<Problem> errors) {
        if (content == null || content.length == 0) {
            errors.add(new Problem("", "the file is empty"));
            return Optional.empty();
        }
        if (content.length > maxBytes) {
            errors.add(tooLarge(content.length, maxBytes));
            return Optional.empty();
        }
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                errors.add(new Problem("", "not a text file: NUL byte at offset " + i));
                return Optional.empty();
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            errors.add(new Problem("", String.format(
                    "not UTF-8 text: byte 0x%02X at offset %d is not valid UTF-8; save the file as UTF-8",
                    content[offset] & 0xFF, offset)));
            return Optional.empty();
        }
        String text = out.flip().toString();
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                errors.add(new Problem("", String.format(
                        "not a text file: control character 0x%02X at character %d", (int) c, i)));
                return Optional.empty();
            }
        }
        if (text.isBlank()) {
            errors.add(new Problem("", "the file is empty"));
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
