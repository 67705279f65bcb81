package io.reelhub.sandbox;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Skips auto-configurations whose class name starts with one of
 * {@code reelhub.sandbox-server.excluded-auto-configuration-prefixes}. {@code spring.autoconfigure.exclude} needs
 * every class by name, and each Camel starter the hub adds brings new ones; a package prefix keeps the standalone
 * sandbox free of Camel (and of the database) without being edited each time. Unset (as in the hub), it skips
 * nothing.
 */
public class SandboxServerAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String PREFIXES = "reelhub.sandbox-server.excluded-auto-configuration-prefixes";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        List<String> prefixes = environment == null ? List.of()
                : Binder.get(environment).bind(PREFIXES, Bindable.listOf(String.class)).orElse(List.of());
        boolean[] keep = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            keep[i] = candidate == null || prefixes.stream().noneMatch(candidate::startsWith);
        }
        return keep;
    }
}
