package io.reelhub.wiring;

import java.io.PrintStream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar reelhub.jar validate [--reelhub.config-dir=...] [--spring.profiles.active=...]}: checks the
 * wiring exactly as start-up would, without a web server, a database or Camel. Spring is used only to assemble the
 * configuration (application.yaml, profiles, imports, environment, arguments) the way the hub sees it.
 */
public final class WiringValidateCommand {

    private WiringValidateCommand() {
    }

    /** @return the process exit code: 0 when the wiring is valid, 1 when it has problems */
    public static int run(PrintStream out, String... args) {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnvironmentOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN")
                .run(args)) {
            WiringReport report = WiringValidator.validate(WiringLoader.load(context.getEnvironment()));
            out.print(report.toText());
            out.printf("(validated in %d ms)%n", (System.nanoTime() - started) / 1_000_000);
            return report.ok() ? 0 : 1;
        }
    }

    /** No beans: the environment is all validation needs. */
    @Configuration(proxyBeanMethods = false)
    static class EnvironmentOnly {
    }
}
