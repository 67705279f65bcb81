package io.reelhub.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts of a contact-sheet PDF and the text they can show. Brief text is Unicode (accents, dashes, CJK names),
 * while the PDF's built-in Helvetica knows only Latin-1-like WinAnsi; so a TrueType font is embedded (subset): the
 * configured one ({@code reelhub.media.pdf-font}), else DejaVu Sans where Linux distributions install it. When
 * none is found, or the setting says {@value #BUILT_IN}, the PDF uses Helvetica. Either way a character the font has
 * no glyph for is printed as {@code ?} instead of failing the whole sheet.
 */
final class PdfFonts {

    /** Where DejaVu Sans lives on Debian/Ubuntu (and Temurin's images), Fedora/RHEL, Arch and Alpine. */
    private static final List<String> SYSTEM_FONT_FOLDERS = List.of("/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu-sans-fonts", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
            "/usr/share/fonts/ttf-dejavu");

    /** The setting that asks for the PDF's own Helvetica (Latin only, nothing embedded). */
    static final String BUILT_IN = "builtin";

    private final PDFont regular;
    private final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> shown = new HashMap<>();

    private PdfFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /**
     * Loads the fonts into {@code document}.
     *
     * @param configured a TrueType file to use for both weights, {@value #BUILT_IN}, or empty to look for DejaVu Sans
     * @throws IllegalStateException if {@code configured} is set but not a readable font
     */
    static PdfFonts load(PDDocument document, String configured) {
        try {
            if (BUILT_IN.equals(configured)) {
                return builtIn();
            }
            if (!configured.isEmpty()) {
                Path file = Path.of(configured);
                if (!Files.isReadable(file)) {
                    throw new IllegalStateException("reelhub.media.pdf-font points at " + configured
                            + ", which is not a readable file");
                }
                PDFont font = PDType0Font.load(document, file.toFile());
                return new PdfFonts(font, font);
            }
            Optional<Path> regular = systemFont("DejaVuSans.ttf");
            if (regular.isPresent()) {
                PDFont font = PDType0Font.load(document, regular.get().toFile());
                Optional<Path> bold = systemFont("DejaVuSans-Bold.ttf");
                return new PdfFonts(font, bold.isPresent() ? PDType0Font.load(document, bold.get().toFile()) : font);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not load a font for the contact-sheet PDF", e);
        }
        return builtIn();
    }

    private static PdfFonts builtIn() {
        return new PdfFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    PDFont regular() {
        return regular;
    }

    PDFont bold() {
        return bold;
    }

    /** {@code text} with control characters as spaces and every character {@code font} cannot show as {@code ?}. */
    String printable(PDFont font, String text) {
        Map<Integer, Boolean> known = shown.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (known.computeIfAbsent(cp, c -> canShow(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** The width of {@code text} (already {@link #printable}) in points at {@code size}. */
    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure text in the contact-sheet PDF", e);
        }
    }

    /** Breaks {@code text} (already printable) into lines no wider than {@code width}; over-long words are cut. */
    static List<String> wrap(PDFont font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            while (width(font, size, word) > width) {
                int cut = word.offsetByCodePoints(0, 1);
                while (cut < word.length() && width(font, size, word.substring(0, word.offsetByCodePoints(cut, 1)))
                        <= width) {
                    cut = word.offsetByCodePoints(cut, 1);
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line = word;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static boolean canShow(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return font.getStringWidth(new String(Character.toChars(codePoint))) >= 0;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Path> systemFont(String fileName) {
        return SYSTEM_FONT_FOLDERS.stream().map(folder -> Path.of(folder, fileName)).filter(Files::isReadable)
                .findFirst();
    }
}
