package io.reelhub.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.s3.S3Access;

/** How the kamelet's parameters become a destination, and how a clip is cut into parts. */
class S3DestinationTest {

    @TempDir
    Path tmp;

    @Test
    void theKameletsPropertiesBecomeADestinationWithDefaultsForWhatWasLeftOut() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ReelHubS3Bucket", "post");
        properties.put("ReelHubS3Prefix", "");
        properties.put("ReelHubS3Region", "eu-central-1");
        properties.put("ReelHubS3Endpoint", "");
        properties.put("ReelHubS3ForcePathStyle", "false");
        properties.put("ReelHubS3AccessKey", "");
        properties.put("ReelHubS3SecretKey", "");
        properties.put("ReelHubS3PartSize", "26214400");

        S3Destination destination = S3Destination.fromProperties(properties);

        assertThat(destination.bucket()).isEqualTo("post");
        assertThat(destination.prefix()).isEmpty();
        assertThat(destination.partSize()).isEqualTo(25L * 1024 * 1024);
        assertThat(destination.access()).isEqualTo(new S3Access(null, "eu-central-1", false, null, null));
        assertThat(destination.uri("a/b.mp4")).isEqualTo("s3://post/a/b.mp4");
    }

    @Test
    void aPrefixIsAFolderWithoutALeadingSlash() {
        assertThat(new S3Destination("b", "/bins", access(), S3Destination.MIN_PART_SIZE).prefix()).isEqualTo("bins/");
        assertThat(new S3Destination("b", "bins/", access(), S3Destination.MIN_PART_SIZE).prefix()).isEqualTo("bins/");
        assertThat(new S3Destination("b", null, access(), S3Destination.MIN_PART_SIZE).prefix()).isEmpty();
    }

    @Test
    void aMissingBucketOrAPartSmallerThanS3AcceptsIsRefusedWithWhatToChange() {
        assertThatThrownBy(() -> new S3Destination(" ", "", access(), S3Destination.MIN_PART_SIZE))
                .hasMessageContaining("bucketName is required");
        assertThatThrownBy(() -> new S3Destination("b", "", access(), 1024))
                .hasMessageContaining("partSize must be at least 5242880 bytes");
    }

    @Test
    void aSliceReadsExactlyItsRangeOfTheFileAndDigestsIt() throws Exception {
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(tmp.resolve("clip.mp4"), content);
        FileSlice slice = new FileSlice(file, 4_000, 3_000);

        byte[] read;
        try (InputStream in = slice.open()) {
            read = in.readAllBytes();
        }

        byte[] expected = java.util.Arrays.copyOfRange(content, 4_000, 7_000);
        assertThat(read).isEqualTo(expected);
        assertThat(slice.md5()).isEqualTo(Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("MD5").digest(expected)));
    }

    private static S3Access access() {
        return new S3Access(null, null, false, null, null);
    }
}
