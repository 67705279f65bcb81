package io.reelhub.dispatch.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class ProviderFileReaderTest {

    private static final Path SHIPPED = Path.of("connectors", "acme-video.provider.yaml");

    @TempDir
    Path dir;

    @Test
    void theShippedExampleIsValidAndNamedByItsFile() {
        ProviderFileReader.Checked checked = new ProviderFileReader().read(SHIPPED);

        assertThat(checked.name()).isEqualTo("acme-video");
        assertThat(checked.file().credentialEnv()).isEqualTo("ACME_VIDEO_API_KEY");
        assertThat(checked.retryAfter()).hasSeconds(10);
    }

    @Test
    void everyProblemOfABrokenFileIsListedWithItsField() throws IOException {
        String broken = Files.readString(SHIPPED)
                .replace("Bearer {credential}", "Bearer sk-live-123")
                .replace("RUNNING: RUNNING", "RUNNING: BUSY")
                .replace("job-id: $.id", "job-id: $..[")
                .replace("\"{prompt}\"", "\"{promt}\"");

        assertThatThrownBy(() -> new ProviderFileReader().read(write("broken.provider.yaml", broken)))
                .hasMessageContaining("connectors/broken.provider.yaml")
                .hasMessageContaining("headers: one header must carry {credential}")
                .hasMessageContaining("poll.states.RUNNING: 'BUSY' is not one of")
                .hasMessageContaining("submit.job-id: '$..[' is not a JSONPath")
                .hasMessageContaining("submit.body.promptText: unknown placeholder(s) [promt]");
    }

    @Test
    void aMisspelledFieldIsNamed() throws IOException {
        String misspelled = Files.readString(SHIPPED).replace("output-url:", "output-uri:");

        assertThatThrownBy(() -> new ProviderFileReader().read(write("typo.provider.yaml", misspelled)))
                .hasMessageContaining("connectors/typo.provider.yaml").hasMessageContaining("unknown field 'output-uri'");
    }

    @Test
    void aFileMayNotTakeABuiltInProvidersName() throws IOException {
        assertThatThrownBy(() -> new ProviderFileReader().read(write("kling.provider.yaml",
                Files.readString(SHIPPED)))).hasMessageContaining("'kling' is a built-in provider's name");
    }

    @Test
    void aBrokenFileStopsStartUp() throws IOException {
        write("acme-video.provider.yaml", Files.readString(SHIPPED).replace("provider: 1", "provider: 2"));

        assertThatThrownBy(() -> new DeclarativeProviders(dir.toString(), new MockEnvironment(), null, null, null,
                null)).hasMessageContaining("connectors/acme-video.provider.yaml")
                .hasMessageContaining("provider: must be 1");
    }

    @Test
    void aValidFileWithoutItsCredentialIsLoadedButOff() throws IOException {
        write("acme-video.provider.yaml", Files.readString(SHIPPED));

        assertThat(new DeclarativeProviders(dir.toString(), new MockEnvironment(), null, null, null, null)
                .providers()).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
