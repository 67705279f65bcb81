package io.reelhub.wiring;

import java.util.List;

/** {@code kamelet:} URIs naming a kamelet that has no file in {@code connectors/}: Camel would stop at start-up. */
final class KameletReferenceCheck implements WiringCheck {

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        for (EndpointReference reference : wiring.references()) {
            if (!reference.isKamelet() || reference.isKameletSelf()) {
                continue;
            }
            if (reference.unreadable() != null) {
                problems.add(WiringProblem.at(reference.file().name(), reference.line(),
                        "the options of kamelet:" + reference.name() + " cannot be read: " + reference.unreadable()));
            }
            if (!wiring.kamelets().containsKey(reference.name())) {
                problems.add(WiringProblem.at(reference.file().name(), reference.line(), "kamelet '"
                        + reference.name() + "' does not exist: there is no connectors/" + reference.name()
                        + KameletSpec.SUFFIX + "; kamelets: " + String.join(", ",
                        wiring.kamelets().keySet().stream().sorted().toList())));
            }
        }
    }
}
