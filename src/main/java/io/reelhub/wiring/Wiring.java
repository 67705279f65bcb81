package io.reelhub.wiring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.nodes.Node;

/**
 * The hub's wiring as written: the files in {@code routes/} and {@code connectors/}, the stage table and the
 * projects' own stage lists, the destinations' settings and the model routing table, each with where it is
 * written. {@link WiringValidator} checks it; the delivery code asks it which destinations each stage feeds (for
 * which project) and how to call them.
 *
 * <p>A destination {@code X} is the kamelet {@code connectors/X-sink.kamelet.yaml} called with the settings under
 * {@code reelhub.destinations.X}, or, when an integrator needs more than one kamelet call, a hand-written route in
 * {@code routes/} that consumes {@code direct:deliver-to-X}.
 */
public final class Wiring {

    public static final String DESTINATION_ENDPOINT_PREFIX = "deliver-to-";
    /** The route template in {@code routes/} every destination without a hand-written route is made from. */
    public static final String DESTINATION_TEMPLATE = "deliver-to-destination";
    public static final String SINK_SUFFIX = "-sink";

    private final Path configDir;
    private final List<YamlFile> routeFiles;
    private final List<Path> unloadedRouteFiles;
    private final List<YamlFile> connectorFiles;
    private final Map<String, KameletSpec> kamelets;
    private final List<EndpointReference> references;
    private final Map<String, List<Setting>> stages;
    private final List<Setting> strayStageSettings;
    private final Map<String, Map<String, List<Setting>>> projectStages;
    private final List<Setting> strayProjectSettings;
    private final Map<String, Map<String, Setting>> destinationSettings;
    private final Map<String, Setting> routingIntents;
    private final Setting routingFallback;
    private final Setting defaultModel;
    private final CatalogLoad catalog;
    private final List<WiringProblem> loadProblems;

    Wiring(Path configDir, List<YamlFile> routeFiles, List<Path> unloadedRouteFiles, List<YamlFile> connectorFiles,
           Map<String, KameletSpec> kamelets, List<EndpointReference> references, Map<String, List<Setting>> stages,
           List<Setting> strayStageSettings, Map<String, Map<String, List<Setting>>> projectStages,
           List<Setting> strayProjectSettings, Map<String, Map<String, Setting>> destinationSettings,
           Map<String, Setting> routingIntents, Setting routingFallback, Setting defaultModel,
           CatalogLoad catalog, List<WiringProblem> loadProblems) {
        this.configDir = configDir;
        this.routeFiles = List.copyOf(routeFiles);
        this.unloadedRouteFiles = List.copyOf(unloadedRouteFiles);
        this.connectorFiles = List.copyOf(connectorFiles);
        this.kamelets = Map.copyOf(kamelets);
        this.references = List.copyOf(references);
        this.stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        this.strayStageSettings = List.copyOf(strayStageSettings);
        Map<String, Map<String, List<Setting>>> projects = new LinkedHashMap<>();
        projectStages.forEach((project, table) -> projects.put(project,
                Collections.unmodifiableMap(new LinkedHashMap<>(table))));
        this.projectStages = Collections.unmodifiableMap(projects);
        this.strayProjectSettings = List.copyOf(strayProjectSettings);
        this.destinationSettings = Collections.unmodifiableMap(new LinkedHashMap<>(destinationSettings));
        this.routingIntents = Collections.unmodifiableMap(new LinkedHashMap<>(routingIntents));
        this.routingFallback = routingFallback;
        this.defaultModel = defaultModel;
        this.catalog = catalog;
        this.loadProblems = List.copyOf(loadProblems);
    }

    public Path configDir() {
        return configDir;
    }

    // ---- what the delivery code asks

    /** The destinations a stage feeds, in the stage table's order; empty when the stage feeds none. */
    public List<String> stageDestinations(String stage) {
        return stages.getOrDefault(stage, List.of()).stream().map(Setting::value).toList();
    }

    /**
     * The destinations a stage feeds for one project: the project's own list
     * ({@code reelhub.projects.<project>.stages.<stage>.destinations}) when it sets one, even an empty one, else the
     * stage table's.
     */
    public List<String> stageDestinations(String project, String stage) {
        List<Setting> own = projectStages.getOrDefault(project, Map.of()).get(stage);
        return own != null ? own.stream().map(Setting::value).toList() : stageDestinations(stage);
    }

    /** Whether a project has its own list for a stage, which then replaces the stage table's. */
    public boolean hasProjectStage(String project, String stage) {
        return projectStages.getOrDefault(project, Map.of()).containsKey(stage);
    }

    /**
     * Every destination the hub runs a route for: those in the stage table and in projects' own stage lists, those
     * with settings and those with a hand-written route. A brief's {@code destinations:} may name any of them.
     */
    public Set<String> destinations() {
        Set<String> names = new TreeSet<>();
        stages.values().forEach(list -> list.forEach(s -> names.add(s.value())));
        projectStages.values().forEach(table -> table.values()
                .forEach(list -> list.forEach(s -> names.add(s.value()))));
        names.addAll(destinationSettings.keySet());
        names.addAll(handWrittenDestinations());
        return names;
    }

    /** Destinations whose route an integrator wrote in {@code routes/} instead of the generic one. */
    public Set<String> handWrittenDestinations() {
        Set<String> names = new TreeSet<>();
        references.stream()
                .filter(r -> !r.isKamelet() && r.consumer() && r.name().startsWith(DESTINATION_ENDPOINT_PREFIX)
                        && r.file().name().startsWith("routes/"))
                .forEach(r -> names.add(r.name().substring(DESTINATION_ENDPOINT_PREFIX.length())));
        return names;
    }

    /** Names that could be used as destinations: every {@code *-sink} kamelet and every hand-written route. */
    public Set<String> availableDestinations() {
        Set<String> names = new TreeSet<>(handWrittenDestinations());
        kamelets.keySet().stream().filter(k -> k.endsWith(SINK_SUFFIX))
                .forEach(k -> names.add(k.substring(0, k.length() - SINK_SUFFIX.length())));
        return names;
    }

    public static String kameletOf(String destination) {
        return destination + SINK_SUFFIX;
    }

    /**
     * The options the destination's kamelet is called with: {@code reelhub.destinations.X.bins-dir} becomes the
     * kamelet property {@code binsDir}.
     */
    public Map<String, String> kameletOptions(String destination) {
        Map<String, String> options = new LinkedHashMap<>();
        destinationSettings.getOrDefault(destination, Map.of())
                .forEach((key, setting) -> options.put(camelCase(key), setting.value()));
        return options;
    }

    static String camelCase(String kebab) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    // ---- what the checks read

    List<YamlFile> routeFiles() {
        return routeFiles;
    }

    /** The ids of the route templates {@code routes/} defines. */
    Set<String> routeTemplateIds() {
        Set<String> ids = new TreeSet<>();
        for (YamlFile file : routeFiles) {
            for (Node document : file.documents()) {
                for (Node item : YamlFile.items(document)) {
                    YamlFile.path(item, "routeTemplate", "id").map(YamlFile::text).ifPresent(ids::add);
                }
            }
        }
        return ids;
    }

    /** Destinations whose route is made from {@link #DESTINATION_TEMPLATE}. */
    public Set<String> templatedDestinations() {
        Set<String> names = new TreeSet<>(destinations());
        names.removeAll(handWrittenDestinations());
        return names;
    }

    List<Path> unloadedRouteFiles() {
        return unloadedRouteFiles;
    }

    List<YamlFile> connectorFiles() {
        return connectorFiles;
    }

    List<YamlFile> allFiles() {
        List<YamlFile> all = new ArrayList<>(routeFiles);
        all.addAll(connectorFiles);
        return all;
    }

    Map<String, KameletSpec> kamelets() {
        return kamelets;
    }

    List<EndpointReference> references() {
        return references;
    }

    Map<String, List<Setting>> stages() {
        return stages;
    }

    List<Setting> strayStageSettings() {
        return strayStageSettings;
    }

    /** Project to stage to its destinations, as {@code reelhub.projects.<project>.stages} writes them. */
    Map<String, Map<String, List<Setting>>> projectStages() {
        return projectStages;
    }

    List<Setting> strayProjectSettings() {
        return strayProjectSettings;
    }

    Map<String, Map<String, Setting>> destinationSettings() {
        return destinationSettings;
    }

    Map<String, Setting> routingIntents() {
        return routingIntents;
    }

    Setting routingFallback() {
        return routingFallback;
    }

    Setting defaultModel() {
        return defaultModel;
    }

    CatalogLoad catalog() {
        return catalog;
    }

    List<WiringProblem> loadProblems() {
        return loadProblems;
    }

    /**
     * Where the stage table (or else a project's own stage list) names a destination, for problems about it; null
     * when only settings name it.
     */
    Setting firstMention(String destination) {
        List<List<Setting>> lists = new ArrayList<>(stages.values());
        projectStages.values().forEach(table -> lists.addAll(table.values()));
        for (List<Setting> list : lists) {
            for (Setting setting : list) {
                if (setting.value().equals(destination)) {
                    return setting;
                }
            }
        }
        return null;
    }

    String summary() {
        return routeFiles.size() + " route file(s), " + kamelets.size() + " kamelet(s), " + stages.size()
                + " stage(s) feeding " + destinations().size() + " destination(s), "
                + (projectStages.isEmpty() ? "" : projectStages.size() + " project(s) with their own stages, ")
                + routingIntents.size() + " routing rule(s), the model catalog";
    }
}
