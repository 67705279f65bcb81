package io.reelhub.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningSecretTest {

    @TempDir
    Path home;

    @Test
    void aGeneratedSecretIsKeptReadableByTheOwnerOnlyAndReusedAfterwards() throws Exception {
        Path file = home.resolve(SigningSecret.FILE);
        String first = SigningSecret.kept(file);
        String again = SigningSecret.kept(file);

        assertThat(first).startsWith("whsec_").isEqualTo(again);
        assertThat(Base64.getDecoder().decode(first.substring(6))).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aWhsecSecretIsBase64AndAnyOtherTextIsItsBytes() {
        assertThat(SigningSecret.key("whsec_" + Base64.getEncoder().encodeToString(new byte[24]))).hasSize(24);
        assertThat(SigningSecret.key("a plain text secret of some length"))
                .isEqualTo("a plain text secret of some length".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aShortOrMalformedSecretStopsStartUpWithoutBeingRepeated() {
        assertThatThrownBy(() -> SigningSecret.key("whsec_c2hvcnQ=")).hasMessageContaining("5 bytes long")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> SigningSecret.key("whsec_not base64!")).hasMessageContaining("not base64")
                .hasMessageNotContaining("not base64!");
    }
}
