package io.reelhub.sandbox.fal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelhub.sandbox.WireError;

/** fal's error answers: {@code {"detail":[{loc,msg,type}]}} for input problems, {@code {"detail","error_type"}} else. */
final class FalWire {

    static final String PROTOCOL = "fal";

    private FalWire() {
    }

    static WireError invalidInput(String field, String message, String type) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("loc", List.of("body", field));
        item.put("msg", message);
        item.put("type", type);
        return new WireError(PROTOCOL, 422, Map.of("detail", List.of(item)), Map.of("X-Fal-Error-Type", type), true);
    }

    static WireError error(int status, String detail, String errorType, Map<String, String> headers, boolean submit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("error_type", errorType);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Fal-Error-Type", errorType);
        return new WireError(PROTOCOL, status, body, all, submit);
    }
}
