package io.reelhub.dispatch.kling;

import java.time.Duration;

import io.reelhub.dispatch.ProviderException;
import io.reelhub.dispatch.ProviderException.Kind;

/**
 * Kling's error codes ({@code {"code","message","request_id"}}) read as what the hub may do next: retry, wait, or
 * give up with a reason a user can act on. Codes the table does not know fall back to the HTTP status.
 */
final class KlingErrors {

    private final Duration rateLimitBackoff;
    private final Duration concurrencyBackoff;

    KlingErrors(Duration rateLimitBackoff, Duration concurrencyBackoff) {
        this.rateLimitBackoff = rateLimitBackoff;
        this.concurrencyBackoff = concurrencyBackoff;
    }

    ProviderException classify(String what, int httpStatus, int code, String message, Duration retryAfter) {
        String said = what + " refused by Kling (HTTP " + httpStatus + ", code " + code + "): " + message;
        return switch (code) {
            // the token lapsed or is not valid yet (clock skew): a fresh token fixes it
            case 1003, 1004 -> new ProviderException(Kind.TRANSIENT, httpStatus, said + " (a new token is minted)",
                    Duration.ofSeconds(1), null);
            case 1000, 1001, 1002 -> rejected(httpStatus, said
                    + ": check KLING_ACCESS_KEY and KLING_SECRET_KEY");
            case 1100, 1101, 1102 -> rejected(httpStatus, said
                    + ": the Kling account cannot take paid work (account exception, arrears or no resource pack left)");
            case 1103 -> rejected(httpStatus, said + ": this account may not use that model or feature");
            case 1200, 1201, 1202, 1203 -> rejected(httpStatus, said);
            case 1300, 1301 -> new ProviderException(Kind.CONTENT_POLICY, httpStatus,
                    said + " (content policy: change the prompt)");
            case 1302 -> new ProviderException(Kind.RATE_LIMITED, httpStatus, said,
                    retryAfter != null ? retryAfter : rateLimitBackoff, null);
            // every parallel slot of the resource pack is taken: wait for one of our own tasks to finish
            case 1303 -> new ProviderException(Kind.RATE_LIMITED, httpStatus, said,
                    retryAfter != null ? retryAfter : concurrencyBackoff, null);
            case 1304 -> rejected(httpStatus, said + ": this machine's IP address is not on the account's whitelist");
            case 5000, 5001, 5002 -> new ProviderException(Kind.TRANSIENT, httpStatus, said, retryAfter, null);
            default -> byStatus(said, httpStatus, retryAfter);
        };
    }

    private ProviderException byStatus(String said, int httpStatus, Duration retryAfter) {
        Kind kind = io.reelhub.dispatch.ProviderCalls.kindOf(httpStatus);
        if (kind == Kind.RATE_LIMITED && retryAfter == null) {
            retryAfter = rateLimitBackoff;
        }
        return new ProviderException(kind, httpStatus, said, retryAfter, null);
    }

    private static ProviderException rejected(int httpStatus, String message) {
        return new ProviderException(Kind.REJECTED, httpStatus, message);
    }
}
