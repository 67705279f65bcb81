package io.reelhub.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which callback URLs the hub may call: the host must match {@code reelhub.callbacks.allowed-hosts}, and every
 * address it resolves to must be public unless {@code reelhub.callbacks.allow-private} is set. Checked when a brief
 * arrives (the answer names the problem) and again before each attempt, because DNS answers can change in between.
 */
@Component
public class CallbackAllowlist {

    /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> patterns;
    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    public CallbackAllowlist(CallbackProperties properties) {
        this(properties.allowedHosts(), properties.allowPrivate(), InetAddress::getAllByName);
    }

    CallbackAllowlist(List<String> patterns, boolean allowPrivate, Resolver resolver) {
        this.patterns = patterns.stream().map(CallbackAllowlist::normalise).toList();
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the hub must not call {@code url}, or empty when it may. The text never repeats the URL's path. */
    public Optional<String> refusal(URI url) {
        String host = url.getHost() == null ? "" : normalise(url.getHost());
        if (host.isEmpty()) {
            return Optional.of("the callback URL has no host");
        }
        if (patterns.isEmpty()) {
            return Optional.of("this hub accepts no callbacks (reelhub.callbacks.allowed-hosts is empty);"
                    + " leave callback out, or ask the hub's operator to allow '" + host + "'");
        }
        if (patterns.stream().noneMatch(pattern -> matches(pattern, host))) {
            return Optional.of("host '" + host + "' is not allowed for callbacks; allowed: "
                    + String.join(", ", patterns));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve to any address");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = NonPublicAddress.kind(address);
            if (kind.isPresent()) {
                return Optional.of("host '" + host + "' resolves to " + address.getHostAddress() + ", a "
                        + kind.get() + " address; callbacks go only to public addresses"
                        + " (reelhub.callbacks.allow-private is false)");
            }
        }
        return Optional.empty();
    }

    static boolean matches(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1;
        }
        return pattern.equals(host);
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
