package io.reelhub.wiring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the wiring report as Spring Boot's "APPLICATION FAILED TO START" answer, without a stack trace. */
class WiringFailureAnalyzer extends AbstractFailureAnalyzer<WiringException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WiringException cause) {
        return new FailureAnalysis(cause.report().toText(),
                "Fix the files named above; `java -jar reelhub.jar validate` checks them without starting the hub.",
                cause);
    }
}
