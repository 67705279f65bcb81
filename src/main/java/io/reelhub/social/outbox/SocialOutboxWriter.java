package io.reelhub.social.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoot;
import io.reelhub.delivery.bin.BinEntry;
import io.reelhub.delivery.bin.FileDigest;
import io.reelhub.delivery.bin.NoOverwritePlacer;
import io.reelhub.delivery.bin.VersionName;
import io.reelhub.ops.HubFolders;
import io.reelhub.social.PostDescription;
import io.reelhub.social.ReviewFiles;
import io.reelhub.social.SocialPost;
import io.reelhub.social.SocialPosts;

/**
 * The {@code social-outbox-sink} kamelet's bean, the social stage's default destination: it needs no account and
 * works offline. An approved clip's posts land in {@code <folder>/<project>/<brief>/<shot>_v<NNN>/}: each platform's
 * rendition, {@code caption.txt} (the text to post) and {@code post.json} (every post described, with its media
 * URLs, schedule and AI-disclosure flags), the JSON last, so its presence means the folder is complete. Files
 * appear atomically and are never overwritten; a repeated delivery writes nothing.
 */
@Component("socialOutboxWriter")
public class SocialOutboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SocialOutboxWriter.class);

    private final SocialPosts posts;
    private final NoOverwritePlacer placer = new NoOverwritePlacer();

    public SocialOutboxWriter(SocialPosts posts) {
        this.posts = posts;
    }

    /**
     * @param folder      the outbox; it must exist, so an unmounted share fails instead of filling a local disk
     * @param destination the destination's name, part of each post's id in {@code post.json}
     * @return the written (or already present) files
     */
    public List<String> deliver(Delivery delivery, String folder, String destination) throws IOException {
        Path root = DeliveryRoot.existing(folder, "folder", "the outbox folder").toAbsolutePath().normalize();
        List<SocialPost> all = posts.of(delivery);
        VersionName name = VersionName.of(delivery);
        Path target = HubFolders.inside(root, name.project() + "/" + name.briefId() + "/" + name.baseName());
        byte[] caption = (all.get(0).text() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] preview = PostDescription.toJson(all.stream()
                .map(post -> PostDescription.of(post, post.idempotencyKey(destination))).toList());
        List<BinEntry> entries = new ArrayList<>();
        for (SocialPost post : all) {
            for (SocialPost.Media media : post.media()) {
                FileDigest digest = FileDigest.of(media.file());
                entries.add(new BinEntry(target.resolve(media.fileName()),
                        existing -> FileDigest.of(existing).equals(digest),
                        temp -> FileDigest.copy(media.file(), temp)));
            }
        }
        entries.add(BinEntry.ofBytes(target.resolve(ReviewFiles.CAPTION), caption));
        // last: its presence means the folder is complete
        entries.add(BinEntry.ofBytes(target.resolve(ReviewFiles.PREVIEW), preview));
        for (BinEntry entry : entries) {
            placer.checkNoConflict(entry);
        }
        Files.createDirectories(target);
        for (BinEntry entry : entries) {
            placer.place(entry);
        }
        List<String> written = entries.stream().map(entry -> entry.target().toString()).toList();
        LOG.info("Job {}: {} post(s) in the outbox {}", delivery.jobId(), all.size(), target);
        return written;
    }
}
