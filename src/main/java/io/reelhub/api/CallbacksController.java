package io.reelhub.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.reelhub.callback.Callback;
import io.reelhub.callback.CallbackOutbox;
import io.reelhub.callback.CallbackState;
import io.reelhub.jobs.JobStore;

/** {@code GET /api/jobs/{id}/callbacks}: did the result webhook get through, and if not, what the receiver said. */
@RestController
class CallbacksController {

    private final JobStore store;
    private final CallbackOutbox outbox;

    CallbacksController(JobStore store, CallbackOutbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @GetMapping("/api/jobs/{id}/callbacks")
    List<CallbackView> callbacks(@PathVariable String id) {
        if (store.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no job with id '" + id + "'");
        }
        return outbox.forJob(id).stream().map(this::view).toList();
    }

    private CallbackView view(Callback callback) {
        return new CallbackView(callback.id(), callback.eventType(), URI.create(callback.url()).getHost(),
                callback.state().name(), callback.attempts(), callback.lastStatus(), callback.lastError(),
                callback.createdAt(), callback.state() == CallbackState.PENDING ? callback.nextAttemptAt() : null,
                callback.deliveredAt(), outbox.attempts(callback.id()));
    }
}
