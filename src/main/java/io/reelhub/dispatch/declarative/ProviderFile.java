package io.reelhub.dispatch.declarative;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A {@code connectors/<name>.provider.yaml} file as written: an asynchronous video API described by its calls and
 * the JSONPaths that read its answers. {@link ProviderFileReader} checks it; docs/providers.md is the reference.
 *
 * @param provider      the schema version, 1
 * @param baseUrl       with {@code ${...}} placeholders; a path ({@code /sandbox/runway}) means this process
 * @param credentialEnv the environment variable holding the credential; the provider is off while it is unset
 * @param headers       sent on every API call; {@code {credential}} stands for the credential
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ProviderFile(
        Integer provider,
        String description,
        String baseUrl,
        String credentialEnv,
        Map<String, String> headers,
        Submit submit,
        Poll poll,
        Errors errors) {

    /**
     * @param body    the request body with {@code {placeholder}}s; a value that is exactly one placeholder takes the
     *                value's type (a number for {@code {seconds}}) and is left out when the value is absent
     * @param jobId   JSONPath to the job id in the answer
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Submit(String method, String path, String contentType, Map<String, String> headers, JsonNode body,
                         String jobId) {
    }

    /**
     * @param path          with {@code {id}}
     * @param states        provider status string → QUEUED, RUNNING, SUCCEEDED or FAILED
     * @param progressScale what the progress value is multiplied by to make a percentage (100 for 0..1)
     * @param outputAuth    send the headers when downloading the output (default: no, output URLs are public)
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Poll(String method, String path, String status, Map<String, String> states, String progress,
                       Double progressScale, String outputUrl, Boolean outputAuth, String errorCode,
                       String errorMessage) {
    }

    /**
     * @param message    JSONPath to the message in an error answer
     * @param code       JSONPath to a provider error code in an error answer
     * @param codes      error code → RATE_LIMITED, TRANSIENT, REJECTED or NOT_FOUND (checked first)
     * @param status     HTTP status ({@code 429}, or a class {@code 4xx}) → kind (checked next; the usual
     *                   reading of a status applies to the rest)
     * @param retryAfter the wait after RATE_LIMITED when the answer has no Retry-After ({@code 10s})
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Errors(String message, String code, Map<String, String> codes, Map<String, String> status,
                         String retryAfter) {
    }
}
