package io.reelhub.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogTest {

    static final Path SHIPPED = Path.of("connectors/model-catalog.yaml");

    private final ModelCatalog catalog = ModelCatalog.load(SHIPPED);

    @Test
    void theShippedCatalogLoadsWithEveryModelTheHubNeeds() {
        assertThat(catalog.schemaVersion()).isEqualTo(1);
        assertThat(catalog.all()).extracting(ModelSpec::id).containsExactly(
                "veo-3.1", "veo-3.1-fast", "veo-3.1-preview", "sora-2", "sora-2-pro",
                "kling-2.1", "seedance-1.0-pro", "wan-2.2");
    }

    @Test
    void everyAliasInTheShippedCatalogPointsAtARealModel() {
        assertThat(catalog.aliases()).containsKeys("hero-cinematic", "fast-draft");
        catalog.aliases().forEach((alias, id) -> assertThat(catalog.find(id))
                .as("alias %s -> %s", alias, id).isPresent());
    }

    @Test
    void aliasesAndPriceTiersKeepAStableOrderForTheModelsApi() {
        assertThat(catalog.aliases().keySet()).startsWith("hero-cinematic", "fast-draft");
        assertThat(catalog.find("seedance-1.0-pro").orElseThrow().pricePerSecondUsd().keySet())
                .containsExactly(ResolutionTier.P480, ResolutionTier.P720, ResolutionTier.P1080);
    }

    @Test
    void anAliasResolvesToTheModelItPointsAt() {
        assertThat(catalog.find("hero-cinematic")).map(ModelSpec::id).contains("veo-3.1");
        assertThat(catalog.find("fast-draft")).map(ModelSpec::id).contains("wan-2.2");
    }

    @Test
    void anUnknownNameFindsNothing() {
        assertThat(catalog.find("veo-9")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void veoSendsItsGaIdOnTheWireAndTakesFourSixOrEightSeconds() {
        ModelSpec veo = catalog.find("veo-3.1").orElseThrow();
        assertThat(veo.providerModel()).isEqualTo("veo-3.1-generate-001");
        assertThat(veo.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(veo.seconds()).containsExactly(4, 6, 8);
        assertThat(veo.defaultSize()).isEqualTo(new FrameSize(1280, 720));
    }

    @Test
    void retiredModelsCarryTheirRetirementDateAndReplacement() {
        ModelSpec sora = catalog.find("sora-2").orElseThrow();
        assertThat(sora.isRetired()).isTrue();
        assertThat(sora.sunset()).isEqualTo(LocalDate.of(2026, 9, 24));
        assertThat(sora.replacement()).isEqualTo("veo-3.1");

        ModelSpec preview = catalog.find("veo-3.1-preview").orElseThrow();
        assertThat(preview.providerModel()).isEqualTo("veo-3.1-generate-preview");
        assertThat(preview.sunset()).isEqualTo(LocalDate.of(2026, 10, 22));
    }

    @Test
    void theEstimateIsPricePerSecondOfTheTierTimesSeconds() {
        ModelSpec veo = catalog.find("veo-3.1").orElseThrow();
        assertThat(catalog.estimateUsd(veo, 8, 1280, 720)).isEqualByComparingTo("3.20");
        assertThat(catalog.estimateUsd(veo, 4, 1080, 1920)).isEqualByComparingTo("1.60");
    }

    @Test
    void theTierIsTakenFromTheShorterSideOfTheFrame() {
        ModelSpec seedance = catalog.find("seedance-1.0-pro").orElseThrow();
        assertThat(catalog.estimateUsd(seedance, 5, 480, 854)).isEqualByComparingTo("0.15");
        assertThat(catalog.estimateUsd(seedance, 5, 720, 1280)).isEqualByComparingTo("0.30");
        assertThat(catalog.estimateUsd(seedance, 5, 1920, 1080)).isEqualByComparingTo("0.75");
    }

    @Test
    void aTierTheModelIsNotPricedForIsChargedAtTheNearestListedTier() {
        ModelSpec kling = catalog.find("kling-2.1").orElseThrow();
        assertThat(catalog.estimateUsd(kling, 5, 1280, 720)).isEqualByComparingTo("1.40");
        ModelSpec wan = catalog.find("wan-2.2").orElseThrow();
        assertThat(catalog.estimateUsd(wan, 5, 1920, 1080)).isEqualByComparingTo(new BigDecimal("0.10"));
    }

    @Test
    void theCatalogIsASpringBeanReadFromTheConfiguredLocation() {
        new ApplicationContextRunner()
                .withBean(ModelCatalog.class)
                .withPropertyValues("reelhub.catalog.location=file:" + SHIPPED)
                .run(context -> assertThat(context.getBean(ModelCatalog.class).find("veo-3.1")).isPresent());
    }

    @Test
    void theSpringBeanDefaultsToTheShippedFile() {
        new ApplicationContextRunner()
                .withBean(ModelCatalog.class)
                .run(context -> assertThat(context.getBean(ModelCatalog.class).all()).hasSize(8));
    }
}
