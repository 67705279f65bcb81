package io.reelhub.sandbox.kling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.reelhub.sandbox.WireError;

/** Kling's answers: {@code {"code","message","request_id","data"}}, code 0 on success. */
final class KlingWire {

    static final String PROTOCOL = "kling";

    private KlingWire() {
    }

    static Map<String, Object> ok(Object data) {
        Map<String, Object> answer = envelope(0, "SUCCEED");
        answer.put("data", data);
        return answer;
    }

    static WireError error(int httpStatus, int code, String message, boolean submit) {
        return error(httpStatus, code, message, Map.of(), submit);
    }

    static WireError error(int httpStatus, int code, String message, Map<String, String> headers, boolean submit) {
        return new WireError(PROTOCOL, httpStatus, envelope(code, message), headers, submit);
    }

    static WireError invalid(String message) {
        return error(400, 1201, message, true);
    }

    private static Map<String, Object> envelope(int code, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("message", message);
        answer.put("request_id", UUID.randomUUID().toString());
        return answer;
    }
}
