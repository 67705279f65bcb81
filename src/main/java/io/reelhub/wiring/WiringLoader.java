package io.reelhub.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads the wiring from the config folder ({@code reelhub.config-dir}: {@code routes/}, {@code connectors/}) and
 * from the Spring environment (the stage table and its per-project overrides, destination settings and routing
 * table, whichever file or variable they come from). Reading never fails: what cannot be read becomes a problem for the report.
 */
public final class WiringLoader {

    static final String STAGES = "reelhub.stages.";
    /** Per-project stage tables: {@code reelhub.projects.<project>.stages.<stage>.destinations}. */
    static final String PROJECTS = "reelhub.projects.";
    static final String PROJECT_STAGES = ".stages.";
    static final String DESTINATIONS = "reelhub.destinations.";
    static final String ROUTING_INTENTS = "reelhub.routing.intents.";
    static final String ROUTING_FALLBACK = "reelhub.routing.fallback";
    static final String DEFAULT_MODEL = "reelhub.brief.default-model";
    static final String CATALOG_LOCATION = "reelhub.catalog.location";

    private WiringLoader() {
    }

    public static Path configDir(ConfigurableEnvironment environment) {
        return Path.of(environment.getProperty("reelhub.config-dir", ".")).toAbsolutePath().normalize();
    }

    public static Wiring load(ConfigurableEnvironment environment) {
        Path configDir = configDir(environment);
        List<WiringProblem> problems = new ArrayList<>();

        List<YamlFile> routeFiles = new ArrayList<>();
        List<Path> unloaded = new ArrayList<>();
        for (Path file : list(configDir.resolve("routes"), "routes", problems)) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(".yaml")) {
                routeFiles.add(YamlFile.read(file, "routes/" + fileName));
            } else {
                unloaded.add(file);
            }
        }

        List<YamlFile> connectorFiles = new ArrayList<>();
        Map<String, KameletSpec> kamelets = new LinkedHashMap<>();
        for (Path file : list(configDir.resolve("connectors"), "connectors", problems)) {
            String fileName = file.getFileName().toString();
            if (!fileName.endsWith(".yaml")) {
                continue;
            }
            YamlFile yaml = YamlFile.read(file, "connectors/" + fileName);
            connectorFiles.add(yaml);
            if (fileName.endsWith(KameletSpec.SUFFIX)) {
                // Camel finds a kamelet by its file name, so that is the name a route must use.
                kamelets.put(KameletSpec.nameFromFile(fileName), KameletSpec.read(yaml));
            }
        }

        List<EndpointReference> references = new ArrayList<>();
        routeFiles.forEach(file -> references.addAll(EndpointReference.scan(file)));
        kamelets.values().forEach(kamelet -> references.addAll(EndpointReference.scan(kamelet.file())));

        SettingsReader settings = new SettingsReader(environment, configDir);
        Map<String, List<Setting>> stages = new LinkedHashMap<>();
        List<Setting> stray = new ArrayList<>();
        readStages(settings, stages, stray);
        Map<String, Map<String, List<Setting>>> projectStages = new LinkedHashMap<>();
        List<Setting> strayProject = new ArrayList<>();
        readProjectStages(settings, projectStages, strayProject);

        Map<String, Map<String, Setting>> destinations = new LinkedHashMap<>();
        settings.withPrefix(DESTINATIONS).forEach((name, setting) -> {
            String rest = name.substring(DESTINATIONS.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                stray.add(setting);
                return;
            }
            destinations.computeIfAbsent(rest.substring(0, dot), d -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), setting);
        });

        Map<String, Setting> intents = new LinkedHashMap<>();
        settings.withPrefix(ROUTING_INTENTS)
                .forEach((name, setting) -> intents.put(name.substring(ROUTING_INTENTS.length()), setting));

        return new Wiring(configDir, routeFiles, unloaded, connectorFiles, kamelets, references, stages, stray,
                projectStages, strayProject, destinations, intents, settings.one(ROUTING_FALLBACK),
                settings.one(DEFAULT_MODEL),
                CatalogLoad.from(environment.getProperty(CATALOG_LOCATION,
                        "file:" + configDir.resolve("connectors/model-catalog.yaml")), configDir),
                problems);
    }

    /** Stage name to its destinations, each list from the one source that sets it (see {@link SettingsReader}). */
    private static void readStages(SettingsReader settings, Map<String, List<Setting>> stages, List<Setting> stray) {
        List<String> stageNames = new ArrayList<>();
        settings.withPrefix(STAGES).forEach((name, setting) -> {
            String rest = name.substring(STAGES.length());
            int dot = rest.indexOf('.');
            String stage = dot < 0 ? rest : rest.substring(0, dot);
            String key = dot < 0 ? "" : rest.substring(dot + 1);
            if (key.equals("destinations") || key.startsWith("destinations[")) {
                if (!stageNames.contains(stage)) {
                    stageNames.add(stage);
                }
            } else {
                stray.add(setting);
            }
        });
        for (String stage : stageNames) {
            stages.put(stage, destinationList(settings, STAGES + stage + ".destinations"));
        }
    }

    /**
     * Project to stage to its destinations, from {@code reelhub.projects.<project>.stages.<stage>.destinations}.
     * Other settings under a project are other features' business; only a wrong key under {@code stages.} is stray.
     */
    private static void readProjectStages(SettingsReader settings, Map<String, Map<String, List<Setting>>> projects,
                                          List<Setting> stray) {
        // project -> its stages, in the order written; ids may hold dots, so the first ".stages." ends the project
        Map<String, List<String>> written = new LinkedHashMap<>();
        settings.withPrefix(PROJECTS).forEach((name, setting) -> {
            String rest = name.substring(PROJECTS.length());
            int at = rest.indexOf(PROJECT_STAGES);
            if (at <= 0) {
                return;
            }
            String project = rest.substring(0, at);
            String stageKey = rest.substring(at + PROJECT_STAGES.length());
            int dot = stageKey.indexOf('.');
            String stage = dot < 0 ? stageKey : stageKey.substring(0, dot);
            String key = dot < 0 ? "" : stageKey.substring(dot + 1);
            if (key.equals("destinations") || key.startsWith("destinations[")) {
                List<String> stagesOfProject = written.computeIfAbsent(project, p -> new ArrayList<>());
                if (!stagesOfProject.contains(stage)) {
                    stagesOfProject.add(stage);
                }
            } else {
                stray.add(setting);
            }
        });
        written.forEach((project, stageNames) -> {
            Map<String, List<Setting>> table = new LinkedHashMap<>();
            for (String stage : stageNames) {
                table.put(stage, destinationList(settings, PROJECTS + project + PROJECT_STAGES + stage
                        + ".destinations"));
            }
            projects.put(project, table);
        });
    }

    /** One destinations list, from the one source that sets it (see {@link SettingsReader#listFromOneSource}). */
    private static List<Setting> destinationList(SettingsReader settings, String key) {
        List<Setting> names = new ArrayList<>();
        for (Setting item : settings.listFromOneSource(key)) {
            // A list given as one value (command line, environment) is comma-separated.
            for (String part : item.value() == null ? new String[0] : item.value().split(",")) {
                if (!part.isBlank()) {
                    names.add(new Setting(item.name(), item.raw(), part.trim(), item.where(), item.inFile()));
                }
            }
        }
        return names;
    }

    private static List<Path> list(Path folder, String label, List<WiringProblem> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add(WiringProblem.at(label + "/", 0, "folder not found in " + folder.getParent()
                    + " (set reelhub.config-dir to the folder that holds routes/ and connectors/)"));
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // Hidden files are editors' and tools' own (swap files, .DS_Store): never wiring.
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(WiringProblem.at(label + "/", 0, "cannot be listed: " + e.getMessage()));
            return List.of();
        }
    }
}
