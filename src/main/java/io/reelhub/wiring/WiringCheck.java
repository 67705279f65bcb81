package io.reelhub.wiring;

import java.util.List;

/** One kind of mistake an integrator can make in the wiring. Each check adds every instance it finds. */
interface WiringCheck {

    void check(Wiring wiring, List<WiringProblem> problems);
}
