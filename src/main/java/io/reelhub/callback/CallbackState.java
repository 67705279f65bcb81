package io.reelhub.callback;

/** Where a callback stands: still to be delivered, delivered (a 2xx answer), or given up after the last attempt. */
public enum CallbackState {
    PENDING, DELIVERED, GAVE_UP
}
