package io.reelhub.wiring;

/** Thrown at start-up when the wiring has problems; the hub does not start on a wiring it cannot run. */
public class WiringException extends RuntimeException {

    private final transient WiringReport report;

    public WiringException(WiringReport report) {
        super(report.toText());
        this.report = report;
    }

    public WiringReport report() {
        return report;
    }
}
