package io.reelhub.sandbox;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/** Writes a {@link WireError} as its protocol's error answer, including one thrown by a protocol's auth check. */
@Component
@ConditionalOnSandboxEnabled
public class WireErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(WireErrorResolver.class);

    // Private: the envelopes must not follow the application's Jackson settings (nulls included as on the wire).
    private final ObjectMapper json = new ObjectMapper();
    private final SandboxCounters counters;

    public WireErrorResolver(SandboxCounters counters) {
        this.counters = counters;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!(exception instanceof WireError error)) {
            return null;
        }
        if (error.submit()) {
            counters.rejected(error.protocol(), error.status());
        }
        if (response.isCommitted()) {
            return new ModelAndView();
        }
        try {
            response.reset();
            response.setStatus(error.status());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            error.headers().forEach(response::setHeader);
            json.writeValue(response.getOutputStream(), error.body());
        } catch (IOException e) {
            log.debug("Could not write the sandbox's {} error answer: {}", error.protocol(), e.getMessage());
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }
}
