package io.reelhub.social.webhook;

import io.reelhub.delivery.notice.WebhookSender;
import io.reelhub.social.PostDescription;
import io.reelhub.social.Scheduler;
import io.reelhub.social.SocialPost;

/**
 * Hands a post to any HTTP receiver that publishes it itself: one signed POST of the post's
 * {@link PostDescription} per platform, through the hub's webhook sender (Standard Webhooks signing). The
 * {@code webhook-id} is the post's idempotency key, the same on every attempt, so a receiver drops a repeat; the
 * hub's answer after an interrupted attempt is to send it again with that id.
 */
final class SocialWebhookScheduler implements Scheduler {

    private final WebhookSender sender;
    private final String url;
    private final String secret;

    SocialWebhookScheduler(WebhookSender sender, String url, String secret) {
        this.sender = sender;
        this.url = url;
        this.secret = secret;
    }

    @Override
    public String name() {
        return "webhook";
    }

    /** @return the message id the receiver got, which is the post's idempotency key */
    @Override
    public String create(SocialPost post, String idempotencyKey) {
        sender.postSigned(url, secret, idempotencyKey, PostDescription.of(post, idempotencyKey).toJson());
        return idempotencyKey;
    }
}
