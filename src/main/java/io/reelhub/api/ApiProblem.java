package io.reelhub.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 7807 {@code application/problem+json} answer thrown from a handler: a status, a title, a detail that says
 * what to do, and any extra members (such as {@code errors: [{path, message}]}) a client can act on.
 */
final class ApiProblem extends ErrorResponseException {

    private ApiProblem(HttpStatus status, ProblemDetail body) {
        super(status, body, null);
    }

    static ApiProblem of(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ApiProblem(status, body);
    }

    ApiProblem with(String member, Object value) {
        getBody().setProperty(member, value);
        return this;
    }

    ApiProblem header(String name, String value) {
        getHeaders().add(name, value);
        return this;
    }
}
