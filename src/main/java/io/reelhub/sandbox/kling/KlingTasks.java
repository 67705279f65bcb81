package io.reelhub.sandbox.kling;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.VideoStatus;

/** A sandbox job as Kling's task object, the same in a poll's {@code data} and in a callback's body. */
final class KlingTasks {

    static final String EXTERNAL_TASK_ID = "external_task_id";
    /** Where a job that will call back keeps the host its client reached the sandbox at. */
    static final String MEDIA_BASE = "media_base";

    private KlingTasks() {
    }

    /** @param mediaUrl the public URL of the job's clip, shown once it completed */
    static Map<String, Object> of(SandboxVideo video, String mediaUrl) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task_id", video.id());
        task.put("task_status", switch (video.status()) {
            case QUEUED -> "submitted";
            case IN_PROGRESS -> "processing";
            case COMPLETED -> "succeed";
            case FAILED, CANCELLED -> "failed";
        });
        task.put("task_status_msg", video.error() == null ? "" : video.error().message());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put(EXTERNAL_TASK_ID, video.wire().get(EXTERNAL_TASK_ID));
        task.put("task_info", info);
        task.put("created_at", video.createdAt().toEpochMilli());
        Instant updated = video.completedAt() != null ? video.completedAt()
                : video.startedAt() != null ? video.startedAt() : video.createdAt();
        task.put("updated_at", updated.toEpochMilli());
        if (video.status() == VideoStatus.COMPLETED) {
            Map<String, Object> clip = new LinkedHashMap<>();
            clip.put("id", video.id() + "-0");
            clip.put("url", mediaUrl);
            clip.put("duration", String.valueOf(video.seconds()));
            task.put("task_result", Map.of("videos", List.of(clip)));
            // 1 unit per 5 s at std; the real price list is in the catalog
            task.put("final_unit_deduction", String.valueOf(video.seconds() / 5));
        }
        return task;
    }
}
