package io.reelhub.delivery.bin;

import java.nio.charset.StandardCharsets;

/**
 * Writes a small XML document, indented, with every attribute and text escaped. The bytes depend only on what is
 * written, never on the JVM's XML library, so two hub nodes writing the same timeline produce the same file (which
 * is what lets a second delivery of it be recognised as a harmless repeat).
 */
final class XmlOut {

    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private int depth;

    /** A line written as given, such as a {@code <!DOCTYPE>}. */
    XmlOut raw(String line) {
        out.append(line).append('\n');
        return this;
    }

    /** Opens an element; {@code attributes} are name, value pairs, and a pair with a null value is left out. */
    XmlOut open(String name, String... attributes) {
        tag(name, attributes).append(">\n");
        depth++;
        return this;
    }

    XmlOut empty(String name, String... attributes) {
        tag(name, attributes).append("/>\n");
        return this;
    }

    XmlOut textElement(String name, String text, String... attributes) {
        tag(name, attributes).append('>').append(escapeText(text)).append("</").append(name).append(">\n");
        return this;
    }

    XmlOut close(String name) {
        depth--;
        indent().append("</").append(name).append(">\n");
        return this;
    }

    byte[] bytes() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " element(s) left open");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder tag(String name, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + attributes.length);
        }
        indent().append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escapeAttribute(attributes[i + 1]))
                        .append('"');
            }
        }
        return out;
    }

    private StringBuilder indent() {
        return out.append(INDENT.repeat(depth));
    }

    /**
     * An attribute value that reads back exactly: besides markup, tabs and line breaks are written as character
     * references, since a parser turns literal ones into spaces.
     */
    static String escapeAttribute(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        forEachXmlChar(value, c -> escaped.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\t' -> "&#9;";
            case '\n' -> "&#10;";
            case '\r' -> "&#13;";
            default -> Character.toString(c);
        }));
        return escaped.toString();
    }

    static String escapeText(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        forEachXmlChar(value, c -> escaped.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '\r' -> "&#13;";
            default -> Character.toString(c);
        }));
        return escaped.toString();
    }

    /** Visits the characters XML 1.0 can hold; others (NUL, most control characters, lone surrogates) are dropped. */
    private static void forEachXmlChar(String value, java.util.function.IntConsumer visitor) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            if (allowed) {
                visitor.accept(c);
            }
        }
    }
}
