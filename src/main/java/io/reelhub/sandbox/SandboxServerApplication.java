package io.reelhub.sandbox;

import io.reelhub.media.FfmpegBinaries;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The sandbox provider as a process of its own ({@code java -jar reelhub.jar sandbox --server.port=9300}), so a
 * crash test can kill the hub while its "provider" keeps running. Only web, actuator, the sandbox and the media
 * toolkit: the {@value #PROFILE} profile ({@code application-sandbox-server.yaml}) keeps the database and every
 * Camel auto-configuration out, through {@link SandboxServerAutoConfigurationFilter}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = {SandboxServerApplication.class, FfmpegBinaries.class})
public class SandboxServerApplication {

    public static final String PROFILE = "sandbox-server";

    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(SandboxServerApplication.class)
                .main(SandboxServerApplication.class)
                .profiles(PROFILE)
                .run(args);
    }
}
