package io.reelhub.social.webhook;

import java.util.List;

import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.notice.WebhookSender;
import io.reelhub.social.SocialPosts;
import io.reelhub.social.SocialPublisher;

/**
 * The {@code social-webhook-sink} kamelet's bean: POSTs each approved post's description, signed, to a receiver
 * that publishes it itself; the platforms' rate limits apply as for any scheduler.
 */
@Component("socialWebhookDestination")
public class SocialWebhookDestination {

    private final SocialPosts posts;
    private final SocialPublisher publisher;
    private final WebhookSender sender;

    public SocialWebhookDestination(SocialPosts posts, SocialPublisher publisher, WebhookSender sender) {
        this.posts = posts;
        this.publisher = publisher;
        this.sender = sender;
    }

    /** @return one receipt per post */
    public List<String> deliver(Delivery delivery, String url, String secret, String destination) {
        return publisher.publish(new SocialWebhookScheduler(sender, url, secret), destination, posts.of(delivery));
    }
}
