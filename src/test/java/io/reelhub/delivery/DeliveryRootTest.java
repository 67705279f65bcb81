package io.reelhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryRootTest {

    @TempDir
    Path temp;

    @Test
    void anExistingFolderIsTheRoot() throws Exception {
        assertThat(DeliveryRoot.existing(" " + temp + " ", "binsDir", "the bins folder")).isEqualTo(temp);
    }

    @Test
    void aBlankSettingNamesThePropertyInsteadOfWritingIntoTheWorkingDirectory() {
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> DeliveryRoot.existing(blank, "binsDir", "the bins folder"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("binsDir is required: the bins folder to deliver into");
        }
    }

    @Test
    void aMissingFolderOrAFileIsRefusedAsAnUnmountedShare() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        for (Path wrong : new Path[] {temp.resolve("unmounted"), file}) {
            assertThatThrownBy(() -> DeliveryRoot.existing(wrong.toString(), "binsDir", "the bins folder"))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("the bins folder does not exist (is its share mounted?)");
        }
    }
}
