package io.reelhub.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.reelhub.brief.Brief;
import io.reelhub.brief.GenerationSpec;
import io.reelhub.brief.Problem;
import io.reelhub.brief.Social;
import io.reelhub.delivery.StageTable;

/**
 * What intake checks of a brief's {@code social:} before anything is paid for: a brief whose clips go to a
 * destination that posts (the outbox, Buffer, Ayrshare, the social webhook) names platforms, each one the hub knows,
 * and every clip it asks for fits each platform's duration window. A 120-second clip for
 * Facebook Reels (3–90 s) is refused here, naming the platform and the window, rather than rendered, paid for and
 * then stopped at publishing.
 */
@Component
public class SocialBriefCheck {

    /** The destinations that turn a clip into posts, one per platform of the brief's {@code social:}. */
    public static final Set<String> POSTING_DESTINATIONS = Set.of("social-outbox", "buffer", "ayrshare",
            "social-webhook");

    private final PlatformProfiles profiles;
    private final StageTable stages;

    public SocialBriefCheck(PlatformProfiles profiles, StageTable stages) {
        this.profiles = profiles;
        this.stages = stages;
    }

    /** @param plan the brief's generations, with the lengths the model will render */
    public List<Problem> problems(Brief brief, List<GenerationSpec> plan) {
        List<Problem> problems = new ArrayList<>();
        Social social = brief.social();
        List<String> posting = stages.destinationsFor(brief.project(), brief.stage().wireName(),
                brief.destinations()).stream()
                .filter(POSTING_DESTINATIONS::contains).toList();
        if (!posting.isEmpty() && (social == null || social.platforms().isEmpty())) {
            problems.add(new Problem("social.platforms", String.join(", ", posting) + " post one rendition per"
                    + " platform: name the platforms, e.g. social: {platforms: [tiktok]}; known platforms: "
                    + profiles.known()));
        }
        if (social == null) {
            return problems;
        }
        for (int i = 0; i < social.platforms().size(); i++) {
            String name = social.platforms().get(i);
            String path = "social.platforms[" + i + "]";
            if (profiles.find(name).isEmpty()) {
                problems.add(new Problem(path, "unknown platform '" + name + "'; known platforms: "
                        + profiles.known()));
                continue;
            }
            PlatformProfile profile = profiles.get(name);
            for (GenerationSpec spec : plan == null ? List.<GenerationSpec>of() : plan) {
                if (!profile.takesDuration(spec.seconds())) {
                    problems.add(new Problem(path, name + " takes clips of " + profile.durationWindow() + profile
                            .cited() + "; " + (spec.shotId() == null ? "the clip" : "shot " + spec.shotId())
                            + " would be " + spec.seconds() + " s"));
                }
            }
        }
        return problems;
    }
}
