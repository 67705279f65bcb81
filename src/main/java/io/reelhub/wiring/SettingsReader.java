package io.reelhub.wiring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Reads a family of settings ({@code reelhub.stages.*}, {@code reelhub.destinations.*}) from every property source
 * in precedence order, keeping where each value was written: the file and line of a YAML file, or the environment
 * variable or command-line argument. Spring's binder would give the values but forget where they came from.
 */
final class SettingsReader {

    private final ConfigurableEnvironment environment;
    private final Path configDir;

    SettingsReader(ConfigurableEnvironment environment, Path configDir) {
        this.environment = environment;
        this.configDir = configDir;
    }

    /** Each property under {@code prefix} once, as the highest-precedence source gives it. */
    Map<String, Setting> withPrefix(String prefix) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            for (String name : namesIn(source)) {
                if (name.startsWith(prefix) && !settings.containsKey(name)) {
                    settings.put(name, setting(source, name));
                }
            }
        }
        return settings;
    }

    /**
     * The properties under {@code prefix} from the one highest-precedence source that has any, as Spring does for a
     * list: a list in a later file replaces the whole list, it is never merged item by item.
     */
    List<Setting> listFromOneSource(String prefix) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            List<Setting> items = new ArrayList<>();
            for (String name : namesIn(source)) {
                if (name.equals(prefix) || name.startsWith(prefix + "[")) {
                    items.add(setting(source, name));
                }
            }
            if (!items.isEmpty()) {
                return items;
            }
        }
        return List.of();
    }

    /** One property, or null when no source has it. */
    Setting one(String name) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> && source.containsProperty(name)) {
                return setting(source, name);
            }
        }
        return null;
    }

    private static String[] namesIn(PropertySource<?> source) {
        // Spring's own view of all sources at once would list every name twice.
        if (source instanceof EnumerablePropertySource<?> enumerable
                && !source.getClass().getSimpleName().equals("ConfigurationPropertySourcesPropertySource")) {
            return enumerable.getPropertyNames();
        }
        return new String[0];
    }

    private Setting setting(PropertySource<?> source, String name) {
        Object rawValue = source.getProperty(name);
        String raw = rawValue == null ? null : String.valueOf(rawValue);
        String value = raw == null ? null : environment.resolvePlaceholders(raw);
        Origin origin = OriginLookup.getOrigin(source, name);
        if (origin instanceof TextResourceOrigin text) {
            int line = text.getLocation() == null ? 0 : text.getLocation().getLine() + 1;
            return new Setting(name, raw, value, SourceLine.of(describe(text.getResource()), line), true);
        }
        String from = origin != null ? origin.toString() : source.getName();
        return new Setting(name, raw, value, SourceLine.of(from, 0), false);
    }

    /** A file as the integrator knows it: relative to the config folder, or {@code classpath:application.yaml}. */
    private String describe(Resource resource) {
        if (resource == null) {
            return "(unknown file)";
        }
        if (resource instanceof ClassPathResource classPath) {
            return "classpath:" + classPath.getPath();
        }
        try {
            Path file = resource.getFile().toPath().toAbsolutePath().normalize();
            return file.startsWith(configDir) ? configDir.relativize(file).toString() : file.toString();
        } catch (IOException | UnsupportedOperationException notAFile) {
            return resource.getDescription();
        }
    }
}
