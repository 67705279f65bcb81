package io.reelhub.api;

import java.time.Instant;

/**
 * The first answer given to an Idempotency-Key, kept for replays.
 *
 * @param requestSha256 the body the key was first used with; another body under the same key is a conflict
 * @param status        the first answer's status (202, 200 or 422)
 * @param jobId         the job that answer was about
 * @param problemJson   the problem+json of a 422, replayed as it was
 */
record IdempotencyRecord(String key, String requestSha256, int status, String jobId, String problemJson,
                         Instant createdAt, Instant expiresAt) {
}
