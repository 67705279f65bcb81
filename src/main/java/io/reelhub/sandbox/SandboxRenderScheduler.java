package io.reelhub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelhub.media.ClipRenderer;
import io.reelhub.media.ClipSpec;
import io.reelhub.media.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves sandbox jobs through their lifecycle: {@code queued} until a render thread is free, {@code in_progress}
 * while the clip renders and until the configured render time has passed since submission, then
 * {@code completed} (or {@code failed}, when a fault planned it or the render broke).
 *
 * <p>Every step is persisted before the next one starts, so a job that was queued or rendering when the process
 * stopped is picked up again at the next start: the sandbox is the "provider", and a provider's accepted jobs
 * still complete after its own restart.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxRenderScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxRenderScheduler.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final SandboxVideoStore store;
    private final SandboxPaths paths;
    private final SandboxCounters counters;
    private final ClipRenderer renderer;
    private final FrameGrabber stills;
    private final SandboxProperties properties;
    private final ApplicationEventPublisher events;
    private final Map<String, Double> renderedFraction = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile ExecutorService renderThreads;
    private volatile ScheduledExecutorService clock;

    /** @param events receives a {@link SandboxJobFinished} for every job this scheduler brings to its end */
    public SandboxRenderScheduler(SandboxVideoStore store, SandboxPaths paths, SandboxCounters counters,
                                  ClipRenderer renderer, FrameGrabber stills, SandboxProperties properties,
                                  ApplicationEventPublisher events) {
        this.store = store;
        this.paths = paths;
        this.counters = counters;
        this.renderer = renderer;
        this.stills = stills;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        if (running.get()) {
            return;
        }
        // Fixed threads, unbounded queue: an accepted job is a promise, so it waits for a thread rather than
        // being refused; the queue is also on disk (status queued) and survives a restart.
        renderThreads = new ThreadPoolExecutor(properties.renderThreads(), properties.renderThreads(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads("sandbox-render-"));
        clock = new ScheduledThreadPoolExecutor(1, threads("sandbox-clock-"));
        running.set(true);
        int resumed = 0;
        for (SandboxVideo video : store.all()) {
            if (!video.status().terminal()) {
                schedule(video);
                resumed++;
            }
        }
        if (resumed > 0) {
            log.info("Sandbox resumed {} unfinished job(s)", resumed);
        }
        clock.scheduleWithFixedDelay(this::purgeExpiredAssets, PURGE_INTERVAL.toMillis(), PURGE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        // Interrupting a render kills its ffmpeg and leaves the job in_progress on disk: it restarts next time.
        clock.shutdownNow();
        renderThreads.shutdownNow();
        try {
            renderThreads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Starts before the web server and stops after it, so no request can hand over a job while the render
     * threads are not there to take it.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** Queues an accepted job for rendering; a throttled one only once its throttle has run out. */
    public void schedule(SandboxVideo video) {
        try {
            if (!running.get()) {
                throw new RejectedExecutionException("not running");
            }
            long held = video.heldUntil() == null ? 0
                    : Duration.between(Instant.now(), video.heldUntil()).toMillis();
            if (held > 0) {
                clock.schedule(() -> schedule(video), held, TimeUnit.MILLISECONDS);
                return;
            }
            renderThreads.execute(() -> {
                try {
                    render(video.id());
                } catch (RuntimeException e) {
                    // Typically the state folder became unwritable; the job stays unfinished and resumes at restart.
                    log.error("Sandbox job {} could not advance", video.id(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.info("Sandbox is not running; job {} stays {} and resumes at the next start", video.id(),
                    video.status().wire());
        }
    }

    /** The {@code progress} percentage to report for {@code video} now. */
    public int progressOf(SandboxVideo video, Instant now) {
        return switch (video.status()) {
            case QUEUED, FAILED, CANCELLED -> 0;
            case COMPLETED -> 100;
            case IN_PROGRESS -> {
                long budget = properties.renderTime().toMillis();
                double byTime = budget <= 0 ? 1.0
                        : Math.min(1.0, Duration.between(video.createdAt(), now).toMillis() / (double) budget);
                double byFrames = video.renderedAt() != null || video.plannedFailure() != null ? 1.0
                        : renderedFraction.getOrDefault(video.id(), 0.0);
                // 100 is reserved for completed: a client that sees 100 may well try to download.
                yield (int) Math.max(0, Math.min(99, Math.floor(99 * Math.min(byTime, byFrames))));
            }
        };
    }

    private void render(String id) {
        // A job whose deadline passed while it waited for a render thread never starts: Replicate's "aborted".
        store.update(id, v -> !v.status().terminal() && v.startedAt() == null && v.pastDeadline(Instant.now())
                ? v.cancelled(Instant.now()) : v);
        Optional<SandboxVideo> started = store.update(id, v -> v.status().terminal() ? v : v.started(Instant.now()));
        if (started.isEmpty() || started.get().status().terminal()) {
            return;
        }
        SandboxVideo video = started.get();
        if (video.plannedFailure() == null && !assetsOnDisk(video)) {
            try {
                renderer.render(clipSpec(video), paths.clip(id), fraction -> renderedFraction.put(id, fraction));
                stills.firstFrame(paths.clip(id), paths.thumbnail(id));
                if ("corrupt".equals(video.defect())) {
                    cutInHalf(paths.clip(id));
                }
            } catch (InterruptedException e) {
                renderedFraction.remove(id);
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Sandbox render of {} failed", id, e);
                renderedFraction.remove(id);
                store.update(id, v -> v.failed(new JobError("internal_error",
                        "The sandbox could not render this video: " + e.getMessage()), Instant.now()))
                        .ifPresent(failed -> events.publishEvent(new SandboxJobFinished(failed)));
                return;
            }
            Optional<SandboxVideo> rendered = store.update(id, v -> v.rendered(Instant.now()));
            if (rendered.isEmpty()) {
                // Deleted while it was rendering: drop what the render produced.
                store.deleteAssets(id);
                renderedFraction.remove(id);
                return;
            }
            video = rendered.get();
        }
        finishAtReadyTime(video);
    }

    private void finishAtReadyTime(SandboxVideo video) {
        Instant at = video.readyAt(properties.renderTime());
        if (video.deadline() != null && video.deadline().isBefore(at)) {
            // Cancel-After: the provider stops the job at its deadline (finish() sees it past due)
            at = video.deadline();
        }
        long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
        try {
            clock.schedule(() -> finish(video.id()), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.info("Sandbox is stopping; job {} completes at the next start", video.id());
        }
    }

    private void finish(String id) {
        AtomicBoolean billable = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        Optional<SandboxVideo> done = store.update(id, v -> {
            if (v.status().terminal()) {
                return v;
            }
            ended.set(true);
            if (v.pastDeadline(Instant.now())) {
                return v.cancelled(Instant.now());
            }
            if (v.plannedFailure() != null) {
                return v.failed(v.plannedFailure(), Instant.now());
            }
            billable.set(true);
            return v.completed(Instant.now(), properties.contentTtl());
        });
        renderedFraction.remove(id);
        if (billable.get()) {
            done.ifPresent(v -> counters.billed(v.model(), v.seconds()));
        }
        if (ended.get()) {
            done.ifPresent(v -> events.publishEvent(new SandboxJobFinished(v)));
        }
    }

    private boolean assetsOnDisk(SandboxVideo video) {
        return video.renderedAt() != null && Files.exists(paths.clip(video.id()))
                && Files.exists(paths.thumbnail(video.id()));
    }

    private void purgeExpiredAssets() {
        Instant now = Instant.now();
        for (SandboxVideo video : store.all()) {
            if (video.status() == VideoStatus.COMPLETED && video.expired(now) && Files.exists(paths.clip(video.id()))) {
                store.deleteAssets(video.id());
            }
        }
    }

    static ClipSpec clipSpec(SandboxVideo video) {
        String title = "SANDBOX · " + video.model() + (video.seed() == null ? "" : " · seed " + video.seed());
        boolean wrongSize = "wrong-size".equals(video.defect());
        ClipSpec.Defect picture = switch (video.defect() == null ? "" : video.defect()) {
            case "black" -> ClipSpec.Defect.BLACK;
            case "frozen" -> ClipSpec.Defect.FROZEN;
            default -> ClipSpec.Defect.NONE;
        };
        // The comment tag marks every sandbox clip as such, wherever it travels.
        return new ClipSpec(wrongSize ? half(video.width()) : video.width(),
                wrongSize ? half(video.height()) : video.height(), video.seconds(), title, video.id(), video.prompt(),
                Map.of("comment", "reelhub-sandbox"), picture);
    }

    private static int half(int side) {
        return Math.max(ClipSpec.MIN_SIDE, side / 4 * 2);
    }

    /** The {@code corrupt} defect: the MP4 loses its second half, as a broken upload to the provider's store would. */
    private static void cutInHalf(Path clip) {
        try (FileChannel channel = FileChannel.open(clip, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        } catch (IOException e) {
            throw new UncheckedIOException("could not corrupt " + clip.getFileName() + " as asked", e);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
