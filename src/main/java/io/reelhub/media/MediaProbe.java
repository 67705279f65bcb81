package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Reads the facts a hub checks about a clip (codec, size, duration, frame rate) with ffprobe. */
@Component
public class MediaProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final FfmpegBinaries binaries;
    // A private mapper: ffprobe's JSON is not subject to the application's Jackson settings.
    private final ObjectMapper json = new ObjectMapper();

    public MediaProbe(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    /**
     * Probes {@code file}.
     *
     * @throws MediaToolException if the file is missing, unreadable as media (with ffprobe's stderr excerpt), or has
     *                            no video stream
     */
    public ProbeResult probe(Path file) throws InterruptedException {
        JsonNode root = run(file);
        JsonNode video = null;
        boolean audio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            if (video == null && "video".equals(type)) {
                video = stream;
            }
            audio |= "audio".equals(type);
        }
        JsonNode format = root.path("format");
        if (video == null) {
            throw new MediaToolException(file.getFileName() + " has no video stream (ffprobe reads it as '"
                    + format.path("format_name").asText("unknown") + "')", "");
        }
        double duration = format.path("duration").asDouble(video.path("duration").asDouble(0));
        double fps = rate(video.path("avg_frame_rate").asText());
        if (fps == 0) {
            fps = rate(video.path("r_frame_rate").asText());
        }
        long size = format.has("size") ? format.path("size").asLong() : fileSize(file);
        return new ProbeResult(format.path("format_name").asText(), video.path("codec_name").asText(),
                video.path("width").asInt(), video.path("height").asInt(), duration, fps, audio, size);
    }

    /** The container-level metadata tags (e.g. {@code comment}), as written with {@code -metadata}. */
    public Map<String, String> formatTags(Path file) throws InterruptedException {
        Map<String, String> tags = new LinkedHashMap<>();
        run(file).path("format").path("tags").fields()
                .forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        return tags;
    }

    private JsonNode run(Path file) throws InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new MediaToolException("cannot probe " + file.getFileName() + ": no such file", "");
        }
        byte[] out = ToolRun.stdoutOf(List.of(binaries.ffprobe().toString(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toAbsolutePath().toString()), TIMEOUT,
                "ffprobe of " + file.getFileName());
        try {
            return json.readTree(out);
        } catch (IOException e) {
            throw new MediaToolException("ffprobe of " + file.getFileName() + " printed unreadable JSON", "", e);
        }
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return denominator == 0 ? 0 : numerator / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
