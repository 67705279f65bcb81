package io.reelhub.callback;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub calls creative software back when a brief's job ends.
 *
 * @param secret       the Standard Webhooks signing secret ({@code whsec_<base64>} or plain text); from the
 *                     environment ({@code REELHUB_CALLBACKS_SECRET}); unset: generated once and kept under the home
 * @param allowedHosts host patterns a callback URL may name ({@code hooks.example.com}, {@code *.example.com},
 *                     {@code *} for any public host); empty: no brief may ask for a callback
 * @param allowPrivate whether callbacks may go to private, loopback, link-local or multicast addresses
 * @param maxAttempts  attempts per callback before the hub gives up on it
 * @param retryBase    wait after the first failed attempt; doubles per attempt
 * @param retryMax     longest wait between two attempts
 * @param timeout      how long one attempt may take (connecting and answering)
 * @param tick         how often the outbox is looked at for due callbacks
 * @param senders      callbacks sent at once
 */
@ConfigurationProperties(prefix = "reelhub.callbacks")
public record CallbackProperties(
        String secret,
        List<String> allowedHosts,
        Boolean allowPrivate,
        Integer maxAttempts,
        Duration retryBase,
        Duration retryMax,
        Duration timeout,
        Duration tick,
        Integer senders) {

    public CallbackProperties {
        secret = secret == null || secret.isBlank() ? null : secret.trim();
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
        allowPrivate = allowPrivate != null && allowPrivate;
        maxAttempts = maxAttempts == null ? 12 : Math.max(1, maxAttempts);
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retryMax = retryMax == null ? Duration.ofHours(2) : retryMax;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        senders = senders == null ? 2 : Math.max(1, senders);
    }

    /** Without the secret: these properties may end up in a log line or a debugger. */
    @Override
    public String toString() {
        return "CallbackProperties[secret=" + (secret == null ? "unset" : "(set)") + ", allowedHosts=" + allowedHosts
                + ", allowPrivate=" + allowPrivate + ", maxAttempts=" + maxAttempts + ", retryBase=" + retryBase
                + ", retryMax=" + retryMax + ", timeout=" + timeout + ", tick=" + tick + ", senders=" + senders + "]";
    }

    /** Exponential back-off after the given number of failed attempts (1 = the first one failed). */
    public Duration backoff(int failedAttempts) {
        long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration delay = retryBase.multipliedBy(factor);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
