package io.reelhub.delivery.storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.delivery.Delivery;

/** A delivery's brief, read back from a real ledger the way intake recorded it. */
class BriefOutlinesTest {

    private final LedgerFixtures ledger = LedgerFixtures.create();

    @TempDir
    Path tmp;

    @Test
    void aSingleShotBriefIsOneShotWithTheBriefsSectionsInTheirOrder() throws Exception {
        String job = ledger.single(LedgerFixtures.brief("neon-street", "pre-production"), 2,
                LedgerFixtures.spec("sh010", 8, 42L));

        BriefOutline outline = ledger.outlines().of(delivery(job, "sh010", 2));

        assertThat(outline.versionLabel()).isEqualTo("v002");
        assertThat(outline.shots()).singleElement().satisfies(shot -> {
            assertThat(shot.id()).isEqualTo("sh010");
            assertThat(shot.order()).isEqualTo(1);
            assertThat(shot.startSeconds()).isZero();
            assertThat(shot.endSeconds()).isEqualTo(8);
            assertThat(shot.seed()).isEqualTo(42L);
            assertThat(shot.model()).isEqualTo("veo-3.1");
            assertThat(shot.prompt()).extracting(PromptPart::label)
                    .containsExactly("Scene", "Characters", "Action", "Tone", "Style");
            assertThat(shot.part("Action")).contains("She walks toward camera");
        });
    }

    @Test
    void theShotsOfAMultiShotBriefFollowTheBriefsOrderWithTheirOwnActionsAndTimings() throws Exception {
        // shot ids that sort against the brief's order: the ledger lists children by shot id
        ObjectNode brief = LedgerFixtures.brief("two-shots", "pre-production",
                "zz-open", "She walks toward camera, then stops", "4",
                "aa-close", "She looks up as a drone passes overhead", "6");
        List<String> jobs = ledger.multi(brief, 1, List.of(LedgerFixtures.spec("zz-open", 4, 7L),
                LedgerFixtures.spec("aa-close", 6, 7L)));

        BriefOutline outline = ledger.outlines().of(delivery(jobs.get(1), "aa-close", 1));

        assertThat(outline.shots()).extracting(PlannedShot::id).containsExactly("zz-open", "aa-close");
        PlannedShot close = outline.shot("aa-close");
        assertThat(close.order()).isEqualTo(2);
        assertThat(close.startSeconds()).isEqualTo(4);
        assertThat(close.endSeconds()).isEqualTo(10);
        assertThat(close.part("Action")).contains("She looks up as a drone passes overhead");
        assertThat(outline.totalSeconds()).isEqualTo(10);
        assertThatThrownBy(() -> outline.shot("sh999")).hasMessageContaining("has no shot 'sh999'")
                .hasMessageContaining("zz-open");
    }

    @Test
    void aFreeTextPromptIsOnePromptPartFollowedByTheShotsAction() {
        ObjectNode prompt = LedgerFixtures.brief("x", "production").objectNode().put("text",
                "A lighthouse at dusk,\n  waves breaking");

        assertThat(BriefOutlines.promptParts(prompt, "The lamp turns on")).containsExactly(
                new PromptPart("Prompt", "A lighthouse at dusk, waves breaking"),
                new PromptPart("Action", "The lamp turns on"));
        assertThat(BriefOutlines.promptParts(com.fasterxml.jackson.databind.node.TextNode.valueOf("Just text"),
                null)).containsExactly(new PromptPart("Prompt", "Just text"));
    }

    @Test
    void aJobMissingFromTheLedgerFailsNamingIt() {
        assertThatThrownBy(() -> ledger.outlines().of(delivery("job-nowhere", "sh010", 1)))
                .hasMessageContaining("job job-nowhere is not in the ledger");
    }

    private Delivery delivery(String jobId, String shot, int version) throws Exception {
        return StoryboardFixtures.delivery(tmp, jobId, shot, version);
    }
}
