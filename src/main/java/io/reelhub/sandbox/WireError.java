package io.reelhub.sandbox;

import java.util.Map;

/**
 * An error answer in the envelope of one of the protocols the sandbox speaks besides OpenAI's (Kling's
 * {@code {code,message,request_id}}, fal's {@code {detail}}, Runway's {@code {error}}), written as is by
 * {@link WireErrorResolver}. A refused submit is counted as a rejection of that protocol: nobody pays for it.
 */
public class WireError extends RuntimeException {

    private final String protocol;
    private final int status;
    private final Object body;
    private final Map<String, String> headers;
    private final boolean submit;

    public WireError(String protocol, int status, Object body, Map<String, String> headers, boolean submit) {
        super(protocol + " answered HTTP " + status);
        this.protocol = protocol;
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.submit = submit;
    }

    public String protocol() {
        return protocol;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public boolean submit() {
        return submit;
    }
}
