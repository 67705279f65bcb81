package io.reelhub.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.reelhub.brief.Briefs.MINIMAL;
import static io.reelhub.brief.Briefs.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** Files that are not briefs at all, or that try to hurt the reader: refused before any brief is built. */
class BriefFileSafetyTest {

    private final BriefParser parser = new BriefParser();

    private static String onlyError(BriefReport report) {
        assertThat(report.brief()).isNull();
        assertThat(report.errors()).hasSize(1);
        return report.errors().get(0).toText();
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThat(onlyError(parser.parse(new byte[0], "b.yaml"))).isEqualTo("the file is empty");
    }

    @Test
    void aFileOfBlankLinesIsRejectedAsEmpty() {
        assertThat(onlyError(parser.parse(bytes("  \n\n\t\n"), "b.yaml"))).isEqualTo("the file is empty");
    }

    @Test
    void aFileOfOnlyCommentsIsRejectedAsEmpty() {
        assertThat(onlyError(parser.parse(bytes("# nothing yet\n"), "b.yaml"))).startsWith("the file is empty");
    }

    @Test
    void aFiveMegabyteFileIsRejectedNamingBothSizes() {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        assertThat(onlyError(parser.parse(big, "b.yaml")))
                .isEqualTo("the file is 5242880 bytes; the limit is 1048576 bytes");
    }

    @Test
    void theSizeLimitIsAConstructorParameter() {
        BriefParser small = new BriefParser(100);
        assertThat(onlyError(small.parse(bytes(MINIMAL), "b.yaml")))
                .contains("the limit is 100 bytes");
        assertThat(new BriefParser(10_000).parse(bytes(MINIMAL), "b.yaml").ok()).isTrue();
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() {
        byte[] latin1 = "brief: 1\nproject: caf\u00e9\nprompt: x\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(onlyError(parser.parse(latin1, "b.yaml")))
                .isEqualTo("not UTF-8 text: byte 0xE9 at offset 21 is not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void aTruncatedMultiByteCharacterIsRejected() {
        byte[] truncated = Arrays.copyOf(bytes("prompt: caf\u00e9"), 12);
        assertThat(onlyError(parser.parse(truncated, "b.yaml"))).startsWith("not UTF-8 text");
    }

    @Test
    void binaryGarbageIsRejectedAsNotAText() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThat(onlyError(parser.parse(garbage, "b.yaml"))).startsWith("not a text file");
    }

    @Test
    void aNulByteIsRejectedAsNotAText() {
        byte[] withNul = bytes("brief: 1\nproject: p\u0000\nprompt: x\n");
        assertThat(onlyError(parser.parse(withNul, "b.yaml"))).isEqualTo("not a text file: NUL byte at offset 19");
    }

    @Test
    void aControlCharacterIsRejectedAsNotAText() {
        assertThat(onlyError(parser.parse(bytes("brief: 1\u0007\n"), "b.yaml")))
                .startsWith("not a text file: control character 0x07");
    }

    @Test
    void aPngIsRejectedAsNotAText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(onlyError(parser.parse(png, "b.yaml"))).startsWith("not a text file");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        byte[] withBom = bytes("\uFEFF" + MINIMAL);
        assertThat(parser.parse(withBom, "b.yaml").errors()).isEmpty();
    }

    @Test
    void anAnchorAndAliasAreRejectedWithTheirLines() {
        BriefReport report = parser.parse(bytes("""
                brief: 1
                project: p
                prompt:
                  scene: &s A street
                  style: *s
                """), "b.yaml");
        assertThat(report.brief()).isNull();
        assertThat(report.errors()).extracting(Problem::toText).containsExactly(
                "line 4: YAML anchor &s is not allowed in a brief; write the value out",
                "line 5: YAML alias *s is not allowed in a brief (aliases can expand a file into a bomb);"
                        + " write the value out");
    }

    @Test
    void aMergeKeyAliasIsRejected() {
        BriefReport report = parser.parse(bytes("""
                base: &b {seconds: 4}
                brief: 1
                project: p
                prompt: x
                params:
                  <<: *b
                """), "b.yaml");
        assertThat(report.errors()).extracting(Problem::toText)
                .anySatisfy(t -> assertThat(t).startsWith("line 1: YAML anchor &b"))
                .anySatisfy(t -> assertThat(t).startsWith("line 6: YAML alias *b"));
    }

    @Test
    void aPythonObjectTagIsRejected() {
        BriefReport report = parser.parse(bytes("""
                brief: 1
                project: p
                prompt: !!python/object/apply:os.system ["rm -rf /"]
                """), "b.yaml");
        assertThat(onlyError(report))
                .isEqualTo("line 3: YAML tag !!python/object/apply:os.system is not allowed in a brief; remove it");
    }

    @Test
    void aLocalTagIsRejected() {
        BriefReport report = parser.parse(bytes("brief: 1\nproject: !foo p\nprompt: x\n"), "b.yaml");
        assertThat(onlyError(report)).isEqualTo("line 2: YAML tag !foo is not allowed in a brief; remove it");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void aBillionLaughsBombIsRejectedQuickly() {
        StringBuilder bomb = new StringBuilder("brief: 1\nproject: p\nprompt: x\n");
        bomb.append("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level <= 12; level++) {
            String previous = "*a" + (level - 1);
            bomb.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        long started = System.nanoTime();
        BriefReport report = parser.parse(bytes(bomb.toString()), "bomb.yaml");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(report.brief()).isNull();
        assertThat(report.errors()).first().satisfies(p -> assertThat(p.message()).contains("YAML anchor &a0"));
        assertThat(report.errors()).last().satisfies(p ->
                assertThat(p.message()).contains("more anchors, aliases or tags"));
        assertThat(millis).isLessThan(1000);
    }

    @Test
    void aDeeplyNestedFileIsRejectedWithoutExhaustingTheStack() {
        String deep = "brief: 1\nproject: p\nprompt: x\ndeep: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        assertThat(onlyError(parser.parse(bytes(deep), "b.yaml"))).contains("nested more than 32 levels deep");
    }

    @Test
    void aDeeplyNestedJsonFileIsRejectedWithoutExhaustingTheStack() {
        String deep = "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(onlyError(parser.parse(bytes(deep), "b.json"))).startsWith("not valid JSON");
    }

    @Test
    void twoYamlDocumentsInOneFileAreRejected() {
        assertThat(onlyError(parser.parse(bytes(MINIMAL + "---\n" + MINIMAL), "b.yaml")))
                .isEqualTo("the file holds 2 YAML documents; a brief is one document");
    }
}
