package io.reelhub.dispatch;

import java.util.function.Supplier;

/**
 * A provider's configured base URL. An absolute URL is used as is; a path ({@code /sandbox/kling}) means this
 * process's own port, which is how the hub talks to its embedded sandbox in every protocol it speaks.
 */
public final class BaseUrl {

    private BaseUrl() {
    }

    public static Supplier<String> of(String configured, LocalServer local) {
        String trimmed = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        if (trimmed.startsWith("/")) {
            return () -> local.url(trimmed);
        }
        return () -> trimmed;
    }
}
