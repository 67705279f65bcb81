package io.reelhub.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out a contact-sheet PDF on A4 portrait pages: the title, each caption as a bold label over its wrapped text,
 * then the frames in rows (two per row for landscape and square clips, three for portrait ones) with their number
 * and timecode, and a footer with the title and page number. Frames are embedded as JPEG at about 180 dpi of their
 * printed size, so a sheet of 1080p keyframes stays a few hundred kilobytes; PDFBox buffers in a temp file, not the
 * heap.
 */
final class ContactSheetPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float FOOTER = 24;
    private static final float TITLE_SIZE = 18;
    private static final float LABEL_SIZE = 11;
    private static final float TEXT_SIZE = 10;
    private static final float FRAME_LABEL_SIZE = 9;
    private static final float GUTTER = 12;
    private static final float PIXELS_PER_POINT = 2.5f;
    private static final float JPEG_QUALITY = 0.85f;

    private final String fontSetting;

    ContactSheetPdf(String fontSetting) {
        this.fontSetting = fontSetting;
    }

    void write(String title, List<Keyframe> frames, List<Caption> captions, Path out) throws InterruptedException {
        String heading = Objects.requireNonNullElse(title, "");
        Path absolute = out.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PdfFonts fonts = PdfFonts.load(document, fontSetting);
            document.getDocumentInformation().setTitle(fonts.printable(fonts.regular(), heading));
            document.getDocumentInformation().setCreator("ReelHub");
            try (Pages pages = new Pages(document)) {
                float width = PAGE.getWidth() - 2 * MARGIN;
                for (String line : PdfFonts.wrap(fonts.bold(), TITLE_SIZE, fonts.printable(fonts.bold(), heading),
                        width)) {
                    pages.text(fonts.bold(), TITLE_SIZE, line, MARGIN);
                }
                pages.space(8);
                for (Caption caption : captions) {
                    pages.text(fonts.bold(), LABEL_SIZE, fonts.printable(fonts.bold(), caption.label()), MARGIN);
                    for (String paragraph : caption.text().split("\\R")) {
                        for (String line : PdfFonts.wrap(fonts.regular(), TEXT_SIZE,
                                fonts.printable(fonts.regular(), paragraph), width)) {
                            pages.text(fonts.regular(), TEXT_SIZE, line, MARGIN);
                        }
                    }
                    pages.space(6);
                }
                pages.space(6);
                frames(document, pages, fonts, frames, width);
            }
            footers(document, fonts, fonts.printable(fonts.regular(), heading));
            Files.createDirectories(absolute.getParent());
            document.save(part.toFile());
            Files.move(part, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the contact-sheet PDF " + absolute.getFileName(), e);
        } finally {
            ToolRun.deleteQuietly(part);
        }
    }

    private static void frames(PDDocument document, Pages pages, PdfFonts fonts, List<Keyframe> frames, float width)
            throws IOException, InterruptedException {
        if (frames.isEmpty()) {
            return;
        }
        BufferedImage first = ContactSheet.read(frames.get(0));
        int columns = first.getHeight() > first.getWidth() ? 3 : 2;
        float boxWidth = (width - (columns - 1) * GUTTER) / columns;
        float boxHeight = boxWidth * first.getHeight() / first.getWidth();
        float rowHeight = boxHeight + FRAME_LABEL_SIZE + 8;
        for (int i = 0; i < frames.size(); i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("contact-sheet PDF interrupted");
            }
            int column = i % columns;
            if (column == 0) {
                pages.reserve(rowHeight);
            }
            BufferedImage image = i == 0 ? first : ContactSheet.read(frames.get(i));
            PDImageXObject embedded = JPEGFactory.createFromImage(document, downscaled(image, boxWidth),
                    JPEG_QUALITY);
            float scale = Math.min(boxWidth / image.getWidth(), boxHeight / image.getHeight());
            float w = image.getWidth() * scale;
            float h = image.getHeight() * scale;
            float x = MARGIN + column * (boxWidth + GUTTER);
            float top = pages.y();
            pages.stream().drawImage(embedded, x + (boxWidth - w) / 2, top - boxHeight + (boxHeight - h) / 2, w, h);
            String label = String.format("%02d  %s", frames.get(i).index(), frames.get(i).timecode());
            pages.textAt(fonts.regular(), FRAME_LABEL_SIZE, label, x, top - boxHeight - FRAME_LABEL_SIZE - 2);
            if (column == columns - 1 || i == frames.size() - 1) {
                pages.space(rowHeight + 6);
            }
        }
    }

    private static BufferedImage downscaled(BufferedImage image, float boxWidth) {
        int target = Math.round(boxWidth * PIXELS_PER_POINT);
        if (image.getWidth() <= target && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        int width = Math.min(target, image.getWidth());
        int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static void footers(PDDocument document, PdfFonts fonts, String title) throws IOException {
        int count = document.getNumberOfPages();
        for (int n = 0; n < count; n++) {
            PDPage page = document.getPage(n);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String number = "page " + (n + 1) + " of " + count;
                float available = PAGE.getWidth() - 2 * MARGIN - PdfFonts.width(fonts.regular(), 8, number) - 20;
                List<String> titleLines = PdfFonts.wrap(fonts.regular(), 8, title, available);
                show(stream, fonts.regular(), 8, titleLines.isEmpty() ? "" : titleLines.get(0), MARGIN, MARGIN / 2);
                show(stream, fonts.regular(), 8, number,
                        PAGE.getWidth() - MARGIN - PdfFonts.width(fonts.regular(), 8, number), MARGIN / 2);
            }
        }
    }

    private static void show(PDPageContentStream stream, PDFont font, float size, String text, float x, float y)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    /** The page being filled and the height left on it; a new page starts when something does not fit. */
    private static final class Pages implements AutoCloseable {

        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        PDPageContentStream stream() {
            return stream;
        }

        float y() {
            return y;
        }

        /** One line of text at the left edge {@code x}, below the previous content. */
        void text(PDFont font, float size, String line, float x) throws IOException {
            reserve(size * 1.3f);
            textAt(font, size, line, x, y - size);
            y -= size * 1.3f;
        }

        void textAt(PDFont font, float size, String line, float x, float baseline) throws IOException {
            show(stream, font, size, line, x, baseline);
        }

        void space(float height) {
            y -= height;
        }

        /** Starts a new page unless {@code height} fits above the footer. */
        void reserve(float height) throws IOException {
            if (y - height < MARGIN + FOOTER) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
