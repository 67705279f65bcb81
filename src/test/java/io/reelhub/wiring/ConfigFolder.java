package io.reelhub.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * A config folder for a test: a copy of the shipped {@code routes/} and {@code connectors/} that the test then
 * breaks or extends, plus an optional {@code reelhub.yaml}. Its environment is layered as the hub's is: the
 * folder's {@code reelhub.yaml} over the shipped {@code application.yaml}.
 */
public final class ConfigFolder {

    private final Path dir;
    private final Map<String, Object> environmentValues = new java.util.LinkedHashMap<>();

    private ConfigFolder(Path dir) {
        this.dir = dir;
    }

    /** A copy of the shipped wiring in a fresh temporary folder. */
    public static ConfigFolder copyOfShipped(String name) {
        try {
            Path dir = Files.createTempDirectory("reelhub-config-" + name + "-");
            copyTree(Path.of("routes"), dir.resolve("routes"));
            copyTree(Path.of("connectors"), dir.resolve("connectors"));
            return new ConfigFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public ConfigFolder write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConfigFolder delete(String relative) {
        try {
            Files.delete(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The integrator's settings file, {@code reelhub.yaml}. */
    public ConfigFolder settings(String yaml) {
        return write("reelhub.yaml", yaml);
    }

    /** A value as if set in the environment (not in any file). */
    public ConfigFolder environment(String name, String value) {
        environmentValues.put(name, value);
        return this;
    }

    /** The 1-based line of the first line of {@code relative} containing {@code text}. */
    public int lineOf(String relative, String text) {
        List<String> lines = read(relative).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line containing '" + text + "' in " + relative);
    }

    public ConfigurableEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> values = new java.util.LinkedHashMap<>(environmentValues);
        values.put("reelhub.config-dir", dir.toString());
        values.put("reelhub.home", dir.resolve("home").toString());
        environment.getPropertySources().addFirst(new MapPropertySource("test environment", values));
        try {
            YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
            if (Files.exists(dir.resolve("reelhub.yaml"))) {
                for (PropertySource<?> source : yaml.load("reelhub.yaml",
                        new FileSystemResource(dir.resolve("reelhub.yaml")))) {
                    environment.getPropertySources().addLast(source);
                }
            }
            for (PropertySource<?> source : yaml.load("application.yaml", new ClassPathResource("application.yaml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return environment;
    }

    public WiringReport validate() {
        return WiringValidator.validate(WiringLoader.load(environment()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
