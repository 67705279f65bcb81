package io.reelhub.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws the frames of a placeholder clip with Java2D. The static part of the card (title, shot, prompt) is drawn
 * once; each frame copies it and adds only what changes (timecode, a moving marker, a progress bar), which keeps
 * a 720p frame well under a millisecond of drawing. Frames are {@code TYPE_3BYTE_BGR}, whose backing array is
 * exactly ffmpeg's {@code bgr24} layout, so they go to the encoder without conversion.
 */
final class CardPainter implements AutoCloseable {

    private static final Color BACKGROUND_TOP = new Color(0x1b, 0x26, 0x3b);
    private static final Color BACKGROUND_BOTTOM = new Color(0x3a, 0x1c, 0x4a);
    private static final Color ACCENT = new Color(0xff, 0xb0, 0x20);
    private static final Color TEXT = new Color(0xf2, 0xf2, 0xf2);
    private static final Color MUTED = new Color(0xa8, 0xb3, 0xc7);

    private final ClipSpec spec;
    private final int frames;
    private final int unit;
    private final int margin;
    private final int trackY;
    private final byte[] background;
    private final BufferedImage frame;
    private final byte[] framePixels;
    private final Graphics2D g;
    private final Font timecodeFont;

    CardPainter(ClipSpec spec) {
        this.spec = spec;
        this.frames = spec.frameCount();
        this.unit = Math.max(4, Math.min(spec.width(), spec.height()) / 18);
        this.margin = unit;
        this.trackY = spec.height() - margin - unit * 2;
        this.timecodeFont = new Font(Font.MONOSPACED, Font.BOLD, Math.max(8, unit * 7 / 10));
        this.background = paintBackground();
        this.frame = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        this.framePixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        this.g = smooth(frame.createGraphics());
    }

    /**
     * Paints frame {@code index} (0-based) and returns its bgr24 pixels; the array is reused by the next call. From
     * {@link ClipSpec#defectStartFrame()} on, a clip with a defect shows black, or its frame there over and over.
     */
    byte[] paint(int index) {
        if (index >= spec.defectStartFrame()) {
            switch (spec.defect()) {
                case BLACK -> {
                    Arrays.fill(framePixels, (byte) 0);
                    return framePixels;
                }
                case FROZEN -> index = spec.defectStartFrame();
                case NONE -> { }
            }
        }
        System.arraycopy(background, 0, framePixels, 0, background.length);
        double t = frames <= 1 ? 1.0 : (double) index / (frames - 1);
        int left = margin;
        int right = spec.width() - margin;

        g.setColor(MUTED);
        g.setStroke(new BasicStroke(Math.max(1, unit / 10f)));
        g.drawLine(left, trackY, right, trackY);
        g.setColor(ACCENT);
        g.fillRect(left, trackY - Math.max(1, unit / 12), (int) ((right - left) * t), Math.max(2, unit / 6));
        int marker = Math.max(4, unit / 2);
        // Ping-pong so the marker visibly moves in both halves of the clip, whatever its length.
        double sweep = (index % (ClipRenderer.FPS * 2)) / (double) (ClipRenderer.FPS * 2);
        double position = sweep < 0.5 ? sweep * 2 : (1 - sweep) * 2;
        int x = left + (int) ((right - left - marker) * position);
        g.fillOval(x, trackY - marker - unit / 3, marker, marker);

        g.setFont(timecodeFont);
        g.setColor(TEXT);
        String label = timecode(index) + "   frame " + (index + 1) + "/" + frames;
        g.drawString(label, left, spec.height() - margin);
        return framePixels;
    }

    static String timecode(int frameIndex) {
        int fps = ClipRenderer.FPS;
        int totalSeconds = frameIndex / fps;
        return String.format("%02d:%02d:%02d:%02d", totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60,
                frameIndex % fps);
    }

    private byte[] paintBackground() {
        BufferedImage image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D bg = smooth(image.createGraphics());
        try {
            bg.setPaint(new GradientPaint(0, 0, BACKGROUND_TOP, 0, spec.height(), BACKGROUND_BOTTOM));
            bg.fillRect(0, 0, spec.width(), spec.height());
            bg.setColor(ACCENT);
            bg.setStroke(new BasicStroke(Math.max(2, unit / 6f)));
            int inset = Math.max(2, unit / 4);
            bg.drawRect(inset, inset, spec.width() - 2 * inset - 1, spec.height() - 2 * inset - 1);

            int textWidth = spec.width() - 2 * margin;
            int y = margin;
            Font titleFont = fitting(bg, new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, unit * 6 / 5)), spec.title(),
                    textWidth);
            bg.setFont(titleFont);
            y += bg.getFontMetrics().getAscent();
            bg.setColor(ACCENT);
            bg.drawString(spec.title(), margin, y);

            Font shotFont = new Font(Font.MONOSPACED, Font.PLAIN, Math.max(8, unit * 7 / 10));
            bg.setFont(shotFont);
            y += bg.getFontMetrics().getHeight() + unit / 3;
            bg.setColor(TEXT);
            bg.drawString(ellipsize(bg.getFontMetrics(), "shot " + spec.shotId(), textWidth), margin, y);

            Font promptFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, unit * 3 / 5));
            bg.setFont(promptFont);
            FontMetrics metrics = bg.getFontMetrics();
            y += unit / 2;
            int bottomLimit = trackY - unit * 3 / 2;
            int maxLines = Math.max(0, (bottomLimit - y) / metrics.getHeight());
            bg.setColor(MUTED);
            for (String line : wrap(metrics, spec.prompt(), textWidth, maxLines)) {
                y += metrics.getHeight();
                bg.drawString(line, margin, y);
            }

            // Static, so it is drawn once: the format facts a reviewer checks against the request.
            bg.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(8, unit / 2)));
            String format = spec.width() + "x" + spec.height() + " · " + ClipRenderer.FPS + " fps · " + frames + " frames";
            int formatWidth = bg.getFontMetrics().stringWidth(format);
            if (formatWidth < textWidth / 2) {
                bg.drawString(format, spec.width() - margin - formatWidth, spec.height() - margin);
            }
        } finally {
            bg.dispose();
        }
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    static List<String> wrap(FontMetrics metrics, String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (maxLines <= 0) {
            return lines;
        }
        String line = "";
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            // A word wider than the card (a URL, a long id) is cut rather than overflowing the frame.
            while (metrics.stringWidth(word) > width) {
                int cut = Math.max(1, fit(metrics, word, width));
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line = word;
            if (lines.size() >= maxLines) {
                break;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, ellipsize(metrics, kept.get(maxLines - 1) + " …", width));
        return kept;
    }

    private static String ellipsize(FontMetrics metrics, String text, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        int cut = fit(metrics, text, width - metrics.stringWidth("…"));
        return text.substring(0, Math.max(0, cut)) + "…";
    }

    private static int fit(FontMetrics metrics, String text, int width) {
        int n = text.length();
        while (n > 0 && metrics.stringWidth(text.substring(0, n)) > width) {
            n--;
        }
        return n;
    }

    private static Font fitting(Graphics2D g, Font font, String text, int width) {
        Font current = font;
        while (current.getSize() > 8 && g.getFontMetrics(current).stringWidth(text) > width) {
            current = current.deriveFont((float) current.getSize() - 1);
        }
        return current;
    }

    private static Graphics2D smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    @Override
    public void close() {
        g.dispose();
    }
}
