package io.reelhub.dispatch;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** This process's own HTTP port, so that the embedded sandbox is reached like any external provider. */
@Component
public class LocalServer {

    private volatile int port;

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /**
     * A configured provider base URL, trailing slash removed; one that starts with {@code /} names a path on this
     * process (the embedded sandbox's {@code /sandbox/gemini/v1beta}, say) and is resolved once the port is known.
     */
    public java.util.function.Supplier<String> baseUrl(String configured) {
        String trimmed = configured.strip().endsWith("/")
                ? configured.strip().substring(0, configured.strip().length() - 1) : configured.strip();
        return trimmed.startsWith("/") ? () -> url(trimmed) : () -> trimmed;
    }

    /** The base URL of a path on this process, or a transient failure while the server is not up yet. */
    public String url(String path) {
        if (port <= 0) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, "the embedded server is not listening yet");
        }
        return "http://127.0.0.1:" + port + path;
    }
}
