package io.reelhub.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ffmpeg's {@code metadata=mode=print:file=...} filter wrote: for each frame that carried metadata, its
 * presentation time and the {@code key=value} pairs set by the detectors before it (scene scores, black and freeze
 * marks). Read from a file rather than from stderr, whose excerpt keeps only the last few kilobytes.
 *
 * @param frames the frames in the order ffmpeg printed them
 */
record FilterMetadata(List<Frame> frames) {

    /** One printed frame: {@code frame:12 pts:6144 pts_time:0.5} followed by its {@code key=value} lines. */
    record Frame(double seconds, Map<String, String> values) {

        double number(String key) {
            return Double.parseDouble(values.get(key));
        }
    }

    /** Reads {@code file}; a missing file means no frame carried metadata (ffmpeg creates it lazily). */
    static FilterMetadata read(Path file) {
        List<Frame> frames = new ArrayList<>();
        if (!Files.exists(file)) {
            return new FilterMetadata(frames);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            double seconds = Double.NaN;
            Map<String, String> values = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("frame:")) {
                    if (values != null) {
                        frames.add(new Frame(seconds, values));
                    }
                    seconds = ptsTime(line);
                    values = new LinkedHashMap<>();
                } else if (values != null && line.indexOf('=') > 0) {
                    int eq = line.indexOf('=');
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            if (values != null) {
                frames.add(new Frame(seconds, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read ffmpeg's frame metadata " + file.getFileName(), e);
        }
        return new FilterMetadata(List.copyOf(frames));
    }

    private static double ptsTime(String header) {
        int at = header.indexOf("pts_time:");
        if (at < 0) {
            return Double.NaN;
        }
        String rest = header.substring(at + "pts_time:".length()).strip();
        int end = rest.indexOf(' ');
        try {
            return Double.parseDouble(end < 0 ? rest : rest.substring(0, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
