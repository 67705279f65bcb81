package io.reelhub.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A clip at a glance: its keyframes side by side, each with its timecode. The PNG is a grid whose size follows from
 * the arguments alone, so a storyboard tool (or a test) knows it in advance:
 * <pre>
 *   width  = columns * tileWidth + (columns + 1) * GUTTER
 *   height = rows * (imageHeight + LABEL_HEIGHT) + (rows + 1) * GUTTER
 *   rows = ceil(frames / columns), imageHeight = round(tileWidth * height / width of the first frame)
 * </pre>
 * Frames of another shape than the first are fitted into their tile, centred. The PDF ({@link ContactSheetPdf}) adds
 * a title and the brief's sections as captions.
 */
@Component
public class ContactSheet {

    /** Tile width of {@link #writePng(List, int, Path)}. */
    public static final int DEFAULT_TILE_WIDTH = 320;
    /** Space between tiles and around the grid, in pixels. */
    public static final int GUTTER = 8;
    /** The strip under each frame holding its number and timecode, in pixels. */
    public static final int LABEL_HEIGHT = 24;

    private static final Color BACKGROUND = new Color(0x1e, 0x1e, 0x1e);
    private static final Color LABEL = new Color(0xe8, 0xe8, 0xe8);

    private final String pdfFont;

    public ContactSheet() {
        this("");
    }

    /** @param pdfFont a TrueType font for the PDF's text; empty looks for DejaVu Sans where systems install it */
    @Autowired
    public ContactSheet(@Value("${reelhub.media.pdf-font:}") String pdfFont) {
        this.pdfFont = pdfFont == null ? "" : pdfFont.strip();
    }

    /** {@link #writePng(List, int, int, Path)} with tiles {@value #DEFAULT_TILE_WIDTH} pixels wide. */
    public Path writePng(List<Keyframe> frames, int columns, Path out) throws InterruptedException {
        return writePng(frames, columns, DEFAULT_TILE_WIDTH, out);
    }

    /**
     * Writes the frames as a PNG grid, left to right and top to bottom in the order given, replacing {@code out}
     * (which appears only when complete).
     *
     * @return {@code out}
     */
    public Path writePng(List<Keyframe> frames, int columns, int tileWidth, Path out) throws InterruptedException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a contact sheet needs at least one frame");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("a contact sheet needs at least one column, got " + columns);
        }
        if (tileWidth < 16) {
            throw new IllegalArgumentException("tiles must be at least 16 pixels wide, got " + tileWidth);
        }
        BufferedImage first = read(frames.get(0));
        int imageHeight = (int) Math.max(1, Math.round((double) tileWidth * first.getHeight() / first.getWidth()));
        int rows = (frames.size() + columns - 1) / columns;
        int width = columns * tileWidth + (columns + 1) * GUTTER;
        int height = rows * (imageHeight + LABEL_HEIGHT) + (rows + 1) * GUTTER;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 13));
            for (int i = 0; i < frames.size(); i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("contact sheet " + out.getFileName() + " interrupted");
                }
                int x = GUTTER + (i % columns) * (tileWidth + GUTTER);
                int y = GUTTER + (i / columns) * (imageHeight + LABEL_HEIGHT + GUTTER);
                // One decoded keyframe in memory at a time, whatever the count.
                BufferedImage frame = i == 0 ? first : read(frames.get(i));
                drawFitted(g, frame, x, y, tileWidth, imageHeight);
                g.setColor(LABEL);
                String label = String.format("%02d  %s", frames.get(i).index(), frames.get(i).timecode());
                int baseline = y + imageHeight + (LABEL_HEIGHT + g.getFontMetrics().getAscent()
                        - g.getFontMetrics().getDescent()) / 2;
                g.drawString(label, x + 4, baseline);
            }
        } finally {
            g.dispose();
        }
        writeAtomically(sheet, out);
        return out;
    }

    /**
     * Writes an A4 PDF: the title, the captions (wrapped), then the frames two per row with their timecodes, on as
     * many pages as needed; replaces {@code out}, which appears only when complete.
     *
     * @return {@code out}
     */
    public Path writePdf(String title, List<Keyframe> frames, List<Caption> captions, Path out)
            throws InterruptedException {
        new ContactSheetPdf(pdfFont).write(title, frames, captions, out);
        return out;
    }

    static BufferedImage read(Keyframe frame) {
        try {
            BufferedImage image = ImageIO.read(frame.image().toFile());
            if (image == null) {
                throw new IllegalArgumentException("keyframe " + frame.image().getFileName()
                        + " is not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read keyframe " + frame.image().getFileName(), e);
        }
    }

    private static void drawFitted(Graphics2D g, BufferedImage frame, int x, int y, int boxWidth, int boxHeight) {
        double scale = Math.min((double) boxWidth / frame.getWidth(), (double) boxHeight / frame.getHeight());
        int w = (int) Math.round(frame.getWidth() * scale);
        int h = (int) Math.round(frame.getHeight() * scale);
        g.drawImage(frame, x + (boxWidth - w) / 2, y + (boxHeight - h) / 2, w, h, null);
    }

    private static void writeAtomically(BufferedImage sheet, Path out) {
        Path absolute = out.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            Files.createDirectories(absolute.getParent());
            if (!ImageIO.write(sheet, "png", part.toFile())) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
            Files.move(part, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the contact sheet " + absolute.getFileName(), e);
        } finally {
            ToolRun.deleteQuietly(part);
        }
    }
}
