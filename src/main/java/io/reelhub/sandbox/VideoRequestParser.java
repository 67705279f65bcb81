package io.reelhub.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.media.ClipSpec;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Reads and validates the multipart form of {@code POST /v1/videos}, answering bad input the way the OpenAI API
 * does: a 400 whose envelope names the offending {@code param}.
 */
@Component
@ConditionalOnSandboxEnabled
public class VideoRequestParser {

    static final int MIN_SECONDS = 1;
    static final int MAX_SECONDS = 20;
    static final int MAX_PROMPT_LENGTH = 32_000;
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final Pattern WHOLE_SECONDS = Pattern.compile("\\d{1,3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> models;

    public VideoRequestParser(SandboxProperties properties) {
        this.models = properties.models();
    }

    public VideoRequest parse(HttpServletRequest request) {
        MultipartHttpServletRequest form = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (form == null) {
            // The OpenAI SDKs always send multipart here; JSON is the classic mistake of a hand-written client.
            throw SandboxApiException.invalidRequest(null, "invalid_content_type", "Invalid Content-Type header ("
                    + request.getContentType() + "), expected multipart/form-data.");
        }
        String prompt = prompt(form.getParameter("prompt"));
        String model = model(form.getParameter("model"));
        int seconds = seconds(form.getParameter("seconds"));
        int[] size = size(form.getParameter("size"));
        Long seed = seed(form.getParameter("seed"));
        String negativePrompt = form.getParameter("negative_prompt");
        int inputReferences = inputReferences(request);
        String idempotencyKey = idempotencyKey(request.getHeader("Idempotency-Key"));
        return new VideoRequest(prompt, model, seconds, size[0], size[1], seed, negativePrompt, inputReferences,
                idempotencyKey);
    }

    private static String prompt(String prompt) {
        if (prompt == null) {
            throw SandboxApiException.invalidRequest("prompt", "missing_required_parameter",
                    "Missing required parameter: 'prompt'.");
        }
        if (prompt.isBlank()) {
            throw SandboxApiException.invalidRequest("prompt", "string_below_min_length",
                    "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got an empty "
                            + "string instead.");
        }
        if (prompt.length() > MAX_PROMPT_LENGTH) {
            throw SandboxApiException.invalidRequest("prompt", "string_above_max_length",
                    "Invalid 'prompt': string too long. Expected a string with maximum length " + MAX_PROMPT_LENGTH
                            + ", but got a string with length " + prompt.length() + " instead.");
        }
        return prompt;
    }

    private String model(String model) {
        if (model == null) {
            return models.get(0);
        }
        if (!models.contains(model)) {
            throw SandboxApiException.invalidValue("model", "Invalid value: '" + model + "'. Supported values are: "
                    + quotedList(models) + ".");
        }
        return model;
    }

    private static int seconds(String seconds) {
        if (seconds == null) {
            return 4;
        }
        // The real API takes only "4", "8" and "12"; gateways serving other models through it accept more.
        if (WHOLE_SECONDS.matcher(seconds).matches()) {
            int value = Integer.parseInt(seconds);
            if (value >= MIN_SECONDS && value <= MAX_SECONDS) {
                return value;
            }
        }
        throw SandboxApiException.invalidValue("seconds", "Invalid value: '" + seconds
                + "'. Supported values are whole seconds from '" + MIN_SECONDS + "' to '" + MAX_SECONDS + "'.");
    }

    private static int[] size(String size) {
        if (size == null) {
            return new int[] {720, 1280};
        }
        Matcher matcher = SIZE.matcher(size.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            int width = Integer.parseInt(matcher.group(1));
            int height = Integer.parseInt(matcher.group(2));
            if (acceptableSide(width) && acceptableSide(height)) {
                return new int[] {width, height};
            }
        }
        throw SandboxApiException.invalidValue("size", "Invalid value: '" + size + "'. Supported values are "
                + "WIDTHxHEIGHT with even sides from " + ClipSpec.MIN_SIDE + " to " + ClipSpec.MAX_SIDE
                + " pixels, such as '720x1280' or '1280x720'.");
    }

    private static boolean acceptableSide(int side) {
        return side >= ClipSpec.MIN_SIDE && side <= ClipSpec.MAX_SIDE && side % 2 == 0;
    }

    private static Long seed(String seed) {
        if (seed == null || seed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(seed.strip());
        } catch (NumberFormatException e) {
            throw SandboxApiException.invalidRequest("seed", "invalid_type",
                    "Invalid type for 'seed': expected an integer, but got a string instead.");
        }
    }

    private static int inputReferences(HttpServletRequest request) {
        int count = 0;
        for (Part part : parts(request)) {
            if (!"input_reference".equals(part.getName())) {
                continue;
            }
            // A file part: one with a file name, or, as the OpenAI Java SDK sends raw bytes, a binary content type
            // without one (the servlet container files the latter under the text fields).
            if (part.getSubmittedFileName() != null || binary(part.getContentType())) {
                count++;
            } else if (referenceObject(text(part))) {
                // The documented non-file shapes: the JSON objects {"file_id": ...} and {"image_url": ...}.
                count++;
            } else {
                throw SandboxApiException.invalidRequest("input_reference", "invalid_type",
                        "Invalid type for 'input_reference': expected a file, but got a string instead.");
            }
        }
        return count;
    }

    private static boolean binary(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return !type.startsWith("text/") && !type.startsWith("application/json");
    }

    private static Collection<Part> parts(HttpServletRequest request) {
        try {
            return request.getParts();
        } catch (IOException | ServletException e) {
            throw new MultipartException("could not read the multipart form", e);
        }
    }

    private static String text(Part part) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_PROMPT_LENGTH), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MultipartException("could not read the part " + part.getName(), e);
        }
    }

    private static boolean referenceObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() && (node.hasNonNull("file_id") || node.hasNonNull("image_url"));
        } catch (Exception e) {
            return false;
        }
    }

    private static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw SandboxApiException.invalidRequest(null, "invalid_value", "Idempotency-Key must be at most "
                    + MAX_IDEMPOTENCY_KEY_LENGTH + " characters long.");
        }
        return key;
    }

    private static String quotedList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
