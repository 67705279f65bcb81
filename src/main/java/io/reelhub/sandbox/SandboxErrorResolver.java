package io.reelhub.sandbox;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns every failure under {@code /sandbox/openai/} into OpenAI's error envelope, including the ones raised before
 * a controller is chosen (an oversized or malformed multipart body), which a controller advice would not see.
 * Submissions answered with an error are counted as rejected: nobody pays for them.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxErrorResolver implements HandlerExceptionResolver, Ordered {

    static final String API_PREFIX = "/sandbox/openai/";

    private static final Logger log = LoggerFactory.getLogger(SandboxErrorResolver.class);

    // Private: the envelope's shape must not follow the application's Jackson settings.
    private final ObjectMapper json = new ObjectMapper();
    private final SandboxCounters counters;

    public SandboxErrorResolver(SandboxCounters counters) {
        this.counters = counters;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PREFIX)) {
            return null;
        }
        SandboxApiException error = translate(exception);
        if (isSubmit(request, path)) {
            counters.rejected(error.status());
        }
        if (response.isCommitted()) {
            // Mid-stream: the status line is gone; the client sees a short body, which is the truthful answer.
            return new ModelAndView();
        }
        try {
            String requestId = response.getHeader("x-request-id");
            response.reset();
            if (requestId != null) {
                response.setHeader("x-request-id", requestId);
            }
            response.setStatus(error.status());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            error.headers().forEach(response::setHeader);
            json.writeValue(response.getOutputStream(), error.toApiError());
        } catch (IOException e) {
            log.debug("Could not write the sandbox error envelope: {}", e.getMessage());
        }
        return new ModelAndView();
    }

    private static SandboxApiException translate(Exception exception) {
        if (exception instanceof SandboxApiException api) {
            return api;
        }
        if (exception instanceof MaxUploadSizeExceededException) {
            return new SandboxApiException(413, "invalid_request_error", null, "request_too_large",
                    "The request body is too large: " + exception.getMessage(), Map.of());
        }
        if (exception instanceof MultipartException) {
            return SandboxApiException.invalidRequest(null, "invalid_multipart",
                    "Could not parse the multipart form: " + exception.getMessage());
        }
        if (exception instanceof NoSuchFileException) {
            return SandboxApiException.notFound("not_found", "The video's content is no longer available.");
        }
        log.error("Sandbox request failed", exception);
        return SandboxApiException.serverError(500);
    }

    private static boolean isSubmit(HttpServletRequest request, String path) {
        return "POST".equals(request.getMethod()) && path.equals(API_PREFIX + "v1/videos");
    }

    @Override
    public int getOrder() {
        // Ahead of Spring's own resolvers, behind DefaultErrorAttributes (which only records the error).
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
