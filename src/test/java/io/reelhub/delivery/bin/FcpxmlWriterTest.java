package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class FcpxmlWriterTest {

    private final FcpxmlWriter writer = new FcpxmlWriter();

    @Test
    void theDocumentIsFcpxml110WithResourcesAndALibrary() throws Exception {
        byte[] bytes = writer.write(SampleTimelines.ofSeconds(24, 4, 6), "acme-spring-sc01");
        Document fcpxml = parse(bytes);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n<fcpxml version=\"1.10\">");
        Element root = fcpxml.getDocumentElement();
        assertThat(childNames(root)).containsExactly("resources", "library");
        assertThat(childNames(child(root, "library"))).containsExactly("event");
    }

    @Test
    void theEventHoldsOneAssetClipPerShotInOrderLastingItsFramesInRationalTime() throws Exception {
        Timeline timeline = SampleTimelines.ofSeconds(24, 4, 6, 2.5);

        Element event = event(parse(writer.write(timeline, "acme-spring-sc01")));

        assertThat(event.getAttribute("name")).isEqualTo("acme-spring-sc01");
        assertThat(childNames(event)).containsExactly("asset-clip", "asset-clip", "asset-clip", "project");
        List<Element> clips = children(event, "asset-clip");
        assertThat(clips).extracting(clip -> clip.getAttribute("name"))
                .containsExactly("sh010_v001", "sh020_v001", "sh030_v001");
        assertThat(clips).extracting(clip -> clip.getAttribute("duration"))
                .containsExactly("96/24s", "144/24s", "60/24s");
        assertThat(clips).allSatisfy(clip -> {
            assertThat(clip.getAttribute("start")).isEqualTo("0s");
            assertThat(clip.getAttribute("tcFormat")).isEqualTo("NDF");
            assertThat(childNames(clip)).containsExactly("note", "keyword", "metadata");
        });
    }

    @ParameterizedTest(name = "{0} fps, frame {1}")
    @CsvSource({"23.976023976023978, 1001/24000s", "24, 1/24s", "25, 1/25s", "29.97002997002997, 1001/30000s",
            "30, 1/30s"})
    void everyTimeIsAWholeNumberOfFramesOfTheProbedRate(double fps, String frameDuration) throws Exception {
        Timeline timeline = SampleTimelines.ofSeconds(fps, 4, 6, 5);
        Document fcpxml = parse(writer.write(timeline, "b"));

        Element format = children(child(fcpxml.getDocumentElement(), "resources"), "format").get(0);
        assertThat(format.getAttribute("frameDuration")).isEqualTo(frameDuration);
        Fraction frame = Fraction.parse(frameDuration);
        List<Element> clips = children(event(fcpxml), "asset-clip");
        for (int i = 0; i < clips.size(); i++) {
            Fraction duration = Fraction.parse(clips.get(i).getAttribute("duration"));
            assertThat(duration.dividedBy(frame)).isEqualTo(Fraction.whole(timeline.clips().get(i).frames()));
        }
        for (Element spineClip : spineClips(fcpxml)) {
            assertThat(Fraction.parse(spineClip.getAttribute("offset")).dividedBy(frame).isWhole()).isTrue();
            assertThat(Fraction.parse(spineClip.getAttribute("duration")).dividedBy(frame).isWhole()).isTrue();
        }
    }

    @Test
    void atTwentyThreeNineSevenSixFourSecondsOfFramesAre96096Over24000() throws Exception {
        Timeline timeline = SampleTimelines.ofSeconds(24000.0 / 1001, 4.004);

        Element clip = children(event(parse(writer.write(timeline, "b"))), "asset-clip").get(0);

        assertThat(clip.getAttribute("duration")).isEqualTo("96096/24000s");
    }

    @Test
    void theProjectPlaysTheShotsEndToEndInOrderFromOneHour() throws Exception {
        Timeline timeline = SampleTimelines.ofSeconds(25, 4, 6, 2);
        Document fcpxml = parse(writer.write(timeline, "acme-spring-sc01"));

        Element project = child(event(fcpxml), "project");
        assertThat(project.getAttribute("name")).isEqualTo("acme-spring-sc01_v001");
        Element sequence = child(project, "sequence");
        assertThat(childNames(sequence)).containsExactly("spine");
        assertThat(sequence.getAttribute("tcStart")).isEqualTo("90000/25s");
        assertThat(sequence.getAttribute("tcFormat")).isEqualTo("NDF");
        assertThat(sequence.getAttribute("duration")).isEqualTo("300/25s");
        List<Element> spine = spineClips(fcpxml);
        assertThat(spine).extracting(clip -> clip.getAttribute("name"))
                .containsExactly("sh010_v001", "sh020_v001", "sh030_v001");
        assertThat(spine).extracting(clip -> clip.getAttribute("offset"))
                .containsExactly("90000/25s", "90100/25s", "90250/25s");
        Fraction end = Fraction.parse(spine.get(0).getAttribute("offset"));
        for (Element clip : spine) {
            assertThat(Fraction.parse(clip.getAttribute("offset"))).isEqualTo(end);
            end = end.plus(Fraction.parse(clip.getAttribute("duration")));
        }
        assertThat(end).isEqualTo(Fraction.parse(sequence.getAttribute("tcStart"))
                .plus(Fraction.parse(sequence.getAttribute("duration"))));
    }

    @Test
    void eachClipRefersToItsAssetWhichLinksTheMediaAndItsFormat() throws Exception {
        Timeline timeline = SampleTimelines.ofSeconds(24, 4, 6);
        Document fcpxml = parse(writer.write(timeline, "b"));

        Element resources = child(fcpxml.getDocumentElement(), "resources");
        assertThat(childNames(resources)).containsExactly("format", "asset", "asset");
        Element format = child(resources, "format");
        assertThat(format.getAttribute("name")).isEqualTo("FFVideoFormat720p24");
        assertThat(format.getAttribute("width")).isEqualTo("1280");
        assertThat(format.getAttribute("height")).isEqualTo("720");
        List<Element> assets = children(resources, "asset");
        for (int i = 0; i < assets.size(); i++) {
            Element asset = assets.get(i);
            assertThat(childNames(asset)).containsExactly("media-rep");
            assertThat(child(asset, "media-rep").getAttribute("src"))
                    .isEqualTo(timeline.clips().get(i).media().toString());
            assertThat(asset.getAttribute("format")).isEqualTo(format.getAttribute("id"));
            assertThat(asset.getAttribute("hasVideo")).isEqualTo("1");
            assertThat(asset.hasAttribute("hasAudio")).isFalse();
            assertThat(children(event(fcpxml), "asset-clip").get(i).getAttribute("ref"))
                    .isEqualTo(asset.getAttribute("id"));
            assertThat(spineClips(fcpxml).get(i).getAttribute("ref")).isEqualTo(asset.getAttribute("id"));
        }
    }

    @Test
    void aVerticalClipWithAudioGetsANamelessFormatAndAudioOnItsAsset() throws Exception {
        Timeline timeline = new Timeline("t", List.of(
                SampleTimelines.shot("sh010", 30, 120, SampleTimelines.PROMPT, true, 1080, 1920)));
        Element resources = child(parse(writer.write(timeline, "b")).getDocumentElement(), "resources");

        Element format = child(resources, "format");
        assertThat(format.hasAttribute("name")).isFalse();
        assertThat(format.getAttribute("width")).isEqualTo("1080");
        assertThat(format.getAttribute("height")).isEqualTo("1920");
        assertThat(format.getAttribute("colorSpace")).isEqualTo("1-1-1 (Rec. 709)");
        assertThat(child(resources, "asset").getAttribute("hasAudio")).isEqualTo("1");
    }

    @Test
    void eachClipCarriesItsLineageAsNoteKeywordAndMetadata() throws Exception {
        Element clip = children(event(parse(writer.write(SampleTimelines.ofSeconds(24, 4), "b"))), "asset-clip")
                .get(0);

        assertThat(child(clip, "note").getTextContent()).isEqualTo(
                "AI-generated (trainedAlgorithmicMedia): brief acme-spring-sc01 v001, shot sh010, model veo-3.1 via "
                        + "sandbox, seed 42, provider job sbx-op-sh010");
        Element keyword = child(clip, "keyword");
        assertThat(keyword.getAttribute("value")).isEqualTo("AI-generated, veo-3.1");
        assertThat(keyword.getAttribute("duration")).isEqualTo(clip.getAttribute("duration"));
        List<String> metadata = new ArrayList<>();
        for (Element md : children(child(clip, "metadata"), "md")) {
            metadata.add(md.getAttribute("key") + "=" + md.getAttribute("value"));
        }
        assertThat(metadata).contains(
                "com.apple.proapps.studio.reel=sh010_v001",
                "com.apple.proapps.studio.scene=sh010",
                "com.apple.proapps.studio.take=v001",
                "com.apple.proapps.spotlight.kMDItemDescription=" + SampleTimelines.PROMPT,
                "io.reelhub.brief-id=acme-spring-sc01",
                "io.reelhub.version=v001",
                "io.reelhub.model=veo-3.1",
                "io.reelhub.seed=42",
                "io.reelhub.provider-job-id=sbx-op-sh010",
                "io.reelhub.ai-generated=true",
                "io.reelhub.digital-source-type="
                        + "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
    }

    @Test
    void quotesMarkupTabsLineBreaksAndAnyScriptInAPromptReadBackExactly() throws Exception {
        Timeline timeline = new Timeline("Brief \"<&>\" 東京", List.of(
                SampleTimelines.shot("sh010", 24, 96, SampleTimelines.NASTY_PROMPT, false, 1280, 720)));

        Document fcpxml = parse(writer.write(timeline, "a & b <c>"));

        assertThat(event(fcpxml).getAttribute("name")).isEqualTo("a & b <c>");
        assertThat(child(event(fcpxml), "project").getAttribute("name")).isEqualTo("Brief \"<&>\" 東京");
        Element clip = children(event(fcpxml), "asset-clip").get(0);
        String description = children(child(clip, "metadata"), "md").stream()
                .filter(md -> md.getAttribute("key").equals("com.apple.proapps.spotlight.kMDItemDescription"))
                .findFirst().orElseThrow().getAttribute("value");
        // Only the control character XML cannot hold is gone.
        assertThat(description).isEqualTo(SampleTimelines.NASTY_PROMPT.replace("\u0001", ""));
    }

    @Test
    void theSameTimelineAlwaysGivesTheSameBytes() {
        assertThat(writer.write(SampleTimelines.ofSeconds(24, 4, 6), "b"))
                .isEqualTo(new FcpxmlWriter().write(SampleTimelines.ofSeconds(24, 4, 6), "b"));
    }

    private static List<Element> spineClips(Document fcpxml) {
        return children(child(child(child(event(fcpxml), "project"), "sequence"), "spine"), "asset-clip");
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Element event(Document fcpxml) {
        return child(child(fcpxml.getDocumentElement(), "library"), "event");
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).isNotEmpty();
        return found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getTagName());
            }
        }
        return names;
    }

    /** An exact FCPXML time: {@code 96096/24000s}, {@code 0s}, {@code 4s}. */
    record Fraction(BigInteger numerator, BigInteger denominator) {

        Fraction {
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() != 0) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }

        static Fraction parse(String time) {
            assertThat(time).matches("\\d+(/\\d+)?s");
            String[] parts = time.substring(0, time.length() - 1).split("/");
            return new Fraction(new BigInteger(parts[0]),
                    parts.length == 1 ? BigInteger.ONE : new BigInteger(parts[1]));
        }

        static Fraction whole(long value) {
            return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
        }

        Fraction plus(Fraction other) {
            return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        Fraction dividedBy(Fraction other) {
            return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
        }

        boolean isWhole() {
            return denominator.equals(BigInteger.ONE);
        }
    }
}
