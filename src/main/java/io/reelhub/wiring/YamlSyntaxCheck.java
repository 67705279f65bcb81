package io.reelhub.wiring;

import java.util.List;

/** Files that are not YAML (a tab, an unclosed quote, a duplicate key) and folders that are missing. */
final class YamlSyntaxCheck implements WiringCheck {

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        problems.addAll(wiring.loadProblems());
        wiring.allFiles().forEach(file -> file.syntaxError().ifPresent(problems::add));
    }
}
