package io.reelhub.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.brief.Stage;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.ops.HubFolders;

/**
 * The human review gate: a job that must not reach its destinations unseen (a social clip, a clip that kept
 * failing its quality check) waits in {@link JobState#AWAITING_REVIEW} with its package in {@code review/} until a
 * person approves it (it moves on to its destinations) or rejects it (it ends REJECTED and nothing is delivered).
 *
 * <p>The folder and the job state are changed in an order that survives a crash at any point: a package is
 * assembled aside and appears whole; a job whose package already exists is not assembled again; a folder a reviewer
 * moved is acted on whenever the hub next looks ({@link ReviewFolderWatch}).
 */
@Component
public class ReviewGate {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewGate.class);

    private final JobStore store;
    private final ReviewFolders folders;
    private final HubFolders hub;
    private final List<ReviewMaterial> materials;
    private final ReviewProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    public ReviewGate(JobStore store, ReviewFolders folders, HubFolders hub, List<ReviewMaterial> materials,
                      ReviewProperties properties, ObjectMapper json, Clock clock) {
        this.store = store;
        this.folders = folders;
        this.hub = hub;
        this.materials = List.copyOf(materials);
        this.properties = properties;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    /** Social clips wait for a human unless their project is configured to publish without one. */
    public boolean needsReview(Job job) {
        return Stage.SOCIAL.wireName().equals(job.stage())
                && !properties.autoApproveProjects().contains(job.project());
    }

    /** Holds {@code job} for review; see {@link #hold(Job, JobState, String, Object, JobChanges)}. */
    public void hold(Job job, JobState from, String reason, Object report) {
        hold(job, from, reason, report, JobChanges.none());
    }

    /**
     * Puts the job's clip and every {@link ReviewMaterial} for it in {@code review/<name>/} with a
     * {@code review.json}, then moves the job from {@code from} to AWAITING_REVIEW.
     *
     * @param reason  why the job waits, shown to the reviewer and in the job's history
     * @param report  details behind the reason, written into {@code review.json}; may be null
     * @param changes further job columns to set in the same transition
     */
    public void hold(Job job, JobState from, String reason, Object report, JobChanges changes) {
        Path folder = folders.find(job).orElseGet(() -> assemble(job, reason, report));
        String where = hub.home().relativize(folder).toString().replace('\\', '/');
        boolean held = store.transition(job.id(), from, JobState.AWAITING_REVIEW, reason + " (review folder "
                + where + ")", changes.set("next_action_at", null));
        if (held) {
            LOG.info("Job {}: waiting for review in {}: {}", job.id(), folder, reason);
        }
    }

    /**
     * Approves a held job: its folder goes to {@code review/approved/} and the job on to its destinations. For a
     * brief with several generations, approving the parent approves every generation waiting.
     */
    public Job approve(String jobId, ReviewDecision decision) {
        Optional<Job> parent = parent(jobId);
        if (parent.isPresent()) {
            waitingChildren(parent.get(), "approved").forEach(child -> approve(child.id(), decision));
            return store.find(jobId).orElseThrow();
        }
        Job job = held(jobId, "approved");
        Path folder = moveTo(job, folders.approved(), folders.rejected(), "approved");
        String reason = decision.describe("approved") + " (" + hub.home().relativize(folder) + ")";
        if (!store.transition(job.id(), JobState.AWAITING_REVIEW, JobState.DELIVERING, reason,
                JobChanges.none().set("next_action_at", clock.instant()).set("last_error", null))) {
            throw notHeld(jobId, "approved");
        }
        LOG.info("Job {}: {}", jobId, reason);
        return store.find(jobId).orElseThrow();
    }

    /**
     * Rejects a held job: its folder goes to {@code review/rejected/} and the job ends REJECTED, undelivered. For a
     * brief with several generations, rejecting the parent rejects every generation waiting.
     */
    public Job reject(String jobId, ReviewDecision decision) {
        Optional<Job> parent = parent(jobId);
        if (parent.isPresent()) {
            waitingChildren(parent.get(), "rejected").forEach(child -> reject(child.id(), decision));
            return store.find(jobId).orElseThrow();
        }
        Job job = held(jobId, "rejected");
        Path folder = moveTo(job, folders.rejected(), folders.approved(), "rejected");
        String reason = decision.describe("rejected in review") + " (" + hub.home().relativize(folder) + ")";
        if (!store.transition(job.id(), JobState.AWAITING_REVIEW, JobState.REJECTED, reason,
                JobChanges.none().set("last_error", reason).set("next_action_at", null))) {
            throw notHeld(jobId, "rejected");
        }
        LOG.info("Job {}: {}", jobId, reason);
        return store.find(jobId).orElseThrow();
    }

    /** The reviewed files of an approved job (its clip and material), for destinations that publish them. */
    public List<Path> approvedFiles(String jobId) {
        return store.find(jobId).flatMap(folders::find)
                .filter(folder -> folder.getParent().equals(folders.approved()))
                .map(ReviewFolders::filesIn).orElse(List.of());
    }

    /** Social clips of a project configured to publish without a human approval. */
    public boolean approvesUnseen(Job job) {
        return Stage.SOCIAL.wireName().equals(job.stage())
                && properties.autoApproveProjects().contains(job.project());
    }

    /**
     * Makes the package of a job that {@link #approvesUnseen} as it would be made for a reviewer, but straight in
     * {@code review/approved/}, so destinations that publish approved files ({@link #approvedFiles}) treat it like
     * any approved job. Safe to repeat after a crash: a package already made is kept.
     */
    public void approveUnseen(Job job) {
        if (!approvesUnseen(job)) {
            throw new IllegalStateException("job " + job.id() + " is not in a project that publishes without review");
        }
        String reason = "auto-approved: project " + job.project() + " publishes without review"
                + " (reelhub.review.auto-approve-projects)";
        Path folder = folders.find(job).orElseGet(() -> assemble(job, reason, null));
        if (folder.getParent().equals(folders.root())) {
            folder = moveTo(job, folders.approved(), folders.rejected(), "approved");
        }
        if (!folder.getParent().equals(folders.approved())) {
            throw new IllegalStateException("job " + job.id() + " is auto-approved, but its package is in "
                    + hub.home().relativize(folder.getParent()) + "/");
        }
    }

    /** The files of the job's review package wherever it is, empty when it has none. */
    public List<Path> filesOf(Job job) {
        return folders.find(job).map(ReviewFolders::filesIn).orElse(List.of());
    }

    public Optional<Path> folderOf(Job job) {
        return folders.find(job);
    }

    private Optional<Job> parent(String jobId) {
        return store.find(jobId).filter(Job::isParent);
    }

    private List<Job> waitingChildren(Job parent, String verb) {
        List<Job> waiting = store.children(parent.id()).stream()
                .filter(child -> child.state() == JobState.AWAITING_REVIEW).toList();
        if (waiting.isEmpty()) {
            throw new NotAwaitingReviewException(parent, "job " + parent.id() + " cannot be " + verb + ": none of"
                    + " its generations is AWAITING_REVIEW (it is " + parent.state() + ")");
        }
        return waiting;
    }

    private Job held(String jobId, String verb) {
        Job job = store.find(jobId).orElseThrow(() -> new NoSuchJobException(jobId));
        if (job.state() != JobState.AWAITING_REVIEW) {
            throw notHeld(jobId, verb);
        }
        return job;
    }

    private NotAwaitingReviewException notHeld(String jobId, String verb) {
        Job now = store.find(jobId).orElseThrow(() -> new NoSuchJobException(jobId));
        return new NotAwaitingReviewException(now, "job " + jobId + " cannot be " + verb + ": it is " + now.state()
                + ", not AWAITING_REVIEW");
    }

    /** Moves the job's package into {@code target} unless a reviewer already did; refuses the opposite decision. */
    private Path moveTo(Job job, Path target, Path opposite, String verb) {
        Path folder = folders.find(job).orElse(null);
        if (folder == null) {
            // The package is gone (deleted by hand): the decision still stands, recorded in the job's history.
            LOG.warn("Job {}: its review folder is missing; recording the decision anyway", job.id());
            return target.resolve(ReviewFolders.nameOf(job));
        }
        if (folder.getParent().equals(opposite)) {
            throw new NotAwaitingReviewException(job, "job " + job.id() + " cannot be " + verb + ": its folder is"
                    + " in " + hub.home().relativize(opposite) + "/; move it back to review/ first");
        }
        if (folder.getParent().equals(target)) {
            return folder;
        }
        Path moved = target.resolve(folder.getFileName());
        try {
            return Files.move(folder, moved, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + folder + " to " + target, e);
        }
    }

    private Path assemble(Job job, String reason, Object report) {
        Path work = hub.work(job.id());
        List<Path> files = new ArrayList<>();
        if (job.clipPath() != null && Files.isRegularFile(Path.of(job.clipPath()))) {
            files.add(Path.of(job.clipPath()));
        }
        for (ReviewMaterial material : materials) {
            try {
                files.addAll(material.prepare(job, work));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not prepare " + material.getClass().getSimpleName()
                        + " for review: " + e.getMessage(), e);
            }
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory(folders.staging(), ReviewFolders.nameOf(job) + "-");
            Set<String> names = new HashSet<>();
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.equals(ReviewFolders.MANIFEST) || !names.add(name)) {
                    throw new IllegalStateException("two review files are named " + name);
                }
                linkOrCopy(file, staging.resolve(name));
            }
            ReviewManifest manifest = new ReviewManifest(job.id(), job.project(), job.briefId(), job.versionLabel(),
                    job.shotId(), job.stage(), reason, clock.instant(), List.copyOf(names.stream().sorted().toList()),
                    report, "approve: move this folder into review/approved/ or POST /api/jobs/" + job.id()
                            + "/approve; reject: move it into review/rejected/ (a note.txt inside is kept as the"
                            + " reason) or POST /api/jobs/" + job.id() + "/reject");
            json.writeValue(staging.resolve(ReviewFolders.MANIFEST).toFile(), manifest);
            Path pending = folders.pending(job);
            Files.move(staging, pending, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
            return pending;
        } catch (FileAlreadyExistsException e) {
            return folders.find(job).orElseThrow(() -> new UncheckedIOException(e));
        } catch (IOException e) {
            throw new UncheckedIOException("could not assemble the review folder of job " + job.id(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** A hard link costs no space for a large clip; a copy where links are not possible (another file system). */
    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", folder, e.getMessage());
        }
    }
}
