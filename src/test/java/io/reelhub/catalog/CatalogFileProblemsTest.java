package io.reelhub.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFileProblemsTest {

    @TempDir
    Path dir;

    private static final String GOOD_MODEL = """
              - id: good
                name: Good
                provider-model: good-001
                status: active
                seconds: [4, 8]
                default-seconds: 8
                sizes: [1280x720]
                seed: true
                negative-prompt: true
                audio: false
                price-per-second-usd: {720p: 0.10}
            """;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("broken-catalog.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aMinimalCatalogLoads() throws IOException {
        ModelCatalog catalog = ModelCatalog.load(write("catalog: 1\nmodels:\n" + GOOD_MODEL));
        assertThat(catalog.find("good")).isPresent();
    }

    @Test
    void everyProblemInABadCatalogIsReportedWithTheFileName() throws IOException {
        Path file = write("""
                catalog: 1
                aliases: {hero: nowhere}
                models:
                  - id: Bad Id
                    name: Bad
                    provider-model: bad-001
                    status: sunsetting
                    seconds: [4, 8]
                    default-seconds: 6
                    sizes: [1280x720, wide]
                    seed: true
                    negative-prompt: true
                    audio: false
                    price-per-second-usd: {4k: 0.60}
                """);
        assertThatThrownBy(() -> ModelCatalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("broken-catalog.yaml")
                .hasMessageContaining("'Bad Id' is not a valid id")
                .hasMessageContaining("'sunsetting' is not one of active, deprecated, retired")
                .hasMessageContaining("default-seconds: 6 is not in seconds [4, 8]")
                .hasMessageContaining("'wide' is not WIDTHxHEIGHT")
                .hasMessageContaining("unknown tier '4k'")
                .hasMessageContaining("aliases.hero: points at 'nowhere'");
    }

    @Test
    void aMisspeltFieldIsAnErrorNotASilentDefault() throws IOException {
        Path file = write("catalog: 1\nmodels:\n" + GOOD_MODEL + "    defualt-seconds: 4\n");
        assertThatThrownBy(() -> ModelCatalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("broken-catalog.yaml")
                .hasMessageContaining("models[0].defualt-seconds");
    }

    @Test
    void aWrongTypeNamesTheFieldPath() throws IOException {
        Path file = write("catalog: 1\nmodels:\n" + GOOD_MODEL.replace("[4, 8]", "[four, 8]"));
        assertThatThrownBy(() -> ModelCatalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("models[0].seconds[0]");
    }

    @Test
    void aRetiredModelNeedsItsDateAndAReplacementThatExists() throws IOException {
        Path file = write("catalog: 1\nmodels:\n" + GOOD_MODEL
                .replace("status: active", "status: retired\n    replacement: ghost"));
        assertThatThrownBy(() -> ModelCatalog.load(file))
                .hasMessageContaining("(good).sunset: a retired model needs its retirement date")
                .hasMessageContaining("(good).replacement: 'ghost' is not a model id");
    }

    @Test
    void anUnsupportedSchemaVersionIsRejected() throws IOException {
        Path file = write("catalog: 2\nmodels:\n" + GOOD_MODEL);
        assertThatThrownBy(() -> ModelCatalog.load(file))
                .hasMessageContaining("schema version 2 is not supported; supported: 1");
    }

    @Test
    void aMissingFileSaysWhichPropertyPointsAtIt() {
        assertThatThrownBy(() -> ModelCatalog.load(dir.resolve("absent.yaml")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("absent.yaml")
                .hasMessageContaining("reelhub.catalog.location");
    }

    @Test
    void aBadCatalogStopsTheSpringContextFromStarting() throws IOException {
        Path file = write("catalog: 1\nmodels: []\n");
        new ApplicationContextRunner()
                .withBean(ModelCatalog.class)
                .withPropertyValues("reelhub.catalog.location=file:" + file)
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("the catalog lists no models"));
    }
}
