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

    /** The base URL of a path on this process, or a transient failure while the server is not up yet. */
    public String url(String path) {
        if (port <= 0) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, "the embedded server is not listening yet");
        }
        return "http://127.0.0.1:" + port + path;
    }
}
