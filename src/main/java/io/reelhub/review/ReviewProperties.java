package io.reelhub.review;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The human review gate's settings.
 *
 * @param autoApproveProjects projects whose social clips are published without a human approval (PRODUCT.md:
 *                            "unless the configuration says otherwise for that project"); empty by default
 * @param folderScanInterval  how often {@code review/approved/} and {@code review/rejected/} are looked at for
 *                            folders a reviewer moved there
 */
@ConfigurationProperties(prefix = "reelhub.review")
public record ReviewProperties(List<String> autoApproveProjects, Duration folderScanInterval) {

    public ReviewProperties {
        autoApproveProjects = autoApproveProjects == null ? List.of() : List.copyOf(autoApproveProjects);
        folderScanInterval = folderScanInterval == null ? Duration.ofSeconds(2) : folderScanInterval;
    }
}
