package io.reelhub;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import io.reelhub.sandbox.SandboxServerApplication;
import io.reelhub.wiring.WiringValidateCommand;

/**
 * The hub. {@code @SpringBootApplication} spelled out, because its component scan must not pick up
 * {@link SandboxServerApplication}, the standalone sandbox's own configuration; the sandbox's beans themselves are
 * scanned, so the hub embeds the sandbox provider by default.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SandboxServerApplication.class)})
public class ReelHubApplication {

    /**
     * {@code java -jar reelhub.jar [args]} runs the hub; {@code java -jar reelhub.jar sandbox [args]} only the
     * sandbox; {@code java -jar reelhub.jar validate [args]} checks routes/, connectors/ and the stage table and
     * exits (0 when valid).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("sandbox")) {
            SandboxServerApplication.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(WiringValidateCommand.run(System.out, Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(ReelHubApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
