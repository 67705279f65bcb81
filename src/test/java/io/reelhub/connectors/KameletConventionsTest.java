package io.reelhub.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped kamelet in {@code connectors/} follows the catalog conventions; the checker itself is tested too. */
class KameletConventionsTest {

    private static final Path CONNECTORS = Path.of("connectors");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<Path> shippedKamelets() throws IOException {
        try (Stream<Path> files = Files.list(CONNECTORS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
    }

    @Test
    void theConnectorsFolderShipsTheEditingBinSink() throws IOException {
        assertThat(shippedKamelets()).contains(CONNECTORS.resolve("editing-bin-sink.kamelet.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedKamelets")
    void everyShippedKameletFollowsTheConventions(Path file) throws IOException {
        assertThat(KameletConventions.problems(file.getFileName().toString(), YAML.readTree(file.toFile())))
                .isEmpty();
    }

    @Test
    void aWellFormedKameletHasNoProblem() throws IOException {
        assertThat(problems("good-sink.kamelet.yaml", GOOD)).isEmpty();
    }

    @Test
    void aFileNameThatDiffersFromTheKameletNameIsAProblem() throws IOException {
        assertThat(problems("good.sink.kamelet.yaml", GOOD))
                .anyMatch(p -> p.contains("must be metadata.name + .kamelet.yaml"));
    }

    @Test
    void aNameThatDoesNotEndInItsTypeIsAProblem() throws IOException {
        assertThat(problems("good-source.kamelet.yaml", GOOD.replace("name: good-sink", "name: good-source")))
                .anyMatch(p -> p.contains("is named <system>-sink"));
    }

    @Test
    void aPropertyWithoutTitleDescriptionOrTypeIsAProblem() throws IOException {
        String bare = GOOD.replace("""
                        title: Folder
                        description: Where files go.
                        type: string
                """, "        example: /x\n");

        assertThat(problems("good-sink.kamelet.yaml", bare)).contains(
                "property folder needs a title", "property folder needs a description",
                "property folder needs a type");
    }

    @Test
    void anUndeclaredPlaceholderIsAProblem() throws IOException {
        String undeclared = GOOD.replace("constant: \"{{folder}}\"", "constant: \"{{folder}}/{{subFolder}}\"");

        assertThat(problems("good-sink.kamelet.yaml", undeclared))
                .contains("template uses {{subFolder}} but no such property is declared");
    }

    @Test
    void aDeclaredButUnusedPropertyIsAProblem() throws IOException {
        String unused = GOOD.replace("constant: \"{{?label}}\"", "constant: none");

        assertThat(problems("good-sink.kamelet.yaml", unused)).contains("property label is declared but never used");
    }

    @Test
    void requiredPropertiesAreUsedPlainAndOptionalOnesWithAQuestionMark() throws IOException {
        String swapped = GOOD.replace("{{folder}}", "{{?folder}}").replace("{{?label}}", "{{label}}");

        assertThat(problems("good-sink.kamelet.yaml", swapped)).contains(
                "required property folder must be used as {{folder}}",
                "optional property label must be used as {{?label}}");
    }

    @Test
    void anOptionalPropertyWithADefaultMayBeUsedPlain() throws IOException {
        String defaulted = GOOD.replace("{{?label}}", "{{label}}")
                .replace("description: A label.", "description: A label.\n        default: none");

        assertThat(problems("good-sink.kamelet.yaml", defaulted)).isEmpty();
    }

    @Test
    void aSecretLookingPropertyWithoutPasswordFormatIsAProblem() throws IOException {
        String secret = GOOD.replace("label", "apiKey");

        assertThat(problems("good-sink.kamelet.yaml", secret))
                .contains("property apiKey looks like a secret and needs format: password");
        assertThat(problems("good-sink.kamelet.yaml", GOOD.replace("label", "keyframeCount")))
                .noneMatch(p -> p.contains("secret"));
    }

    @Test
    void propertyFunctionsAreNotKameletProperties() throws IOException {
        String withEnv = GOOD.replace("constant: \"{{folder}}\"", "constant: \"{{folder}}/{{env:HOME}}\"");

        assertThat(problems("good-sink.kamelet.yaml", withEnv)).isEmpty();
    }

    private static List<String> problems(String fileName, String yaml) throws IOException {
        JsonNode kamelet = YAML.readTree(yaml);
        return KameletConventions.problems(fileName, kamelet);
    }

    private static final String GOOD = """
            apiVersion: camel.apache.org/v1
            kind: Kamelet
            metadata:
              name: good-sink
              labels:
                camel.apache.org/kamelet.type: "sink"
            spec:
              definition:
                title: Good Sink
                description: A sink that follows the conventions.
                required:
                  - folder
                type: object
                properties:
                  folder:
                    title: Folder
                    description: Where files go.
                    type: string
                  label:
                    title: Label
                    type: string
                    description: A label.
              template:
                from:
                  uri: "kamelet:source"
                  steps:
                    - setProperty:
                        name: folder
                        constant: "{{folder}}"
                    - setProperty:
                        name: label
                        constant: "{{?label}}"
            """;
}
