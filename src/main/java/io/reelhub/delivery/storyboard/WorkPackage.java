package io.reelhub.delivery.storyboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A package built once per job inside the job's work folder and reused by every destination of the job and by
 * every later attempt, until the job is delivered and its work folder removed. It is built in a hidden folder
 * beside it and renamed into place in one step, with its index ({@value #INDEX}: the keyframes and their times)
 * written last: a package folder either is complete or does not exist, whatever moment a crash picks. Media work is
 * costly (a decode of the clip per package), so it is never done twice for one job.
 */
public final class WorkPackage {

    static final String INDEX = "package.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One build at a time per package folder: two destinations of one job never race to build it. */
    private static final Object[] LOCKS = newLocks(32);

    /** Fills a fresh folder with a package and says which of its files are the keyframes. */
    @FunctionalInterface
    public interface Builder {
        List<PackagedFrame> build(Path into) throws IOException, InterruptedException;
    }

    private WorkPackage() {
    }

    /**
     * The keyframes of the package {@code name} in {@code workFolder}, building it first if it is not there.
     *
     * @return the keyframes, their images in the package folder ({@code workFolder/name})
     */
    public static List<PackagedFrame> ensure(Path workFolder, String name, Builder builder)
            throws IOException, InterruptedException {
        Path folder = workFolder.resolve(name);
        synchronized (LOCKS[Math.floorMod(folder.toAbsolutePath().toString().hashCode(), LOCKS.length)]) {
            if (!Files.isRegularFile(folder.resolve(INDEX))) {
                build(workFolder, folder, builder);
            }
            return read(folder);
        }
    }

    private static void build(Path workFolder, Path folder, Builder builder) throws IOException,
            InterruptedException {
        if (!Files.isDirectory(workFolder)) {
            throw new IOException("the job's work folder " + workFolder + " is gone; the clip it held is needed to"
                    + " build the package");
        }
        Path temp = workFolder.resolve("." + folder.getFileName() + "-" + UUID.randomUUID() + ".part");
        Files.createDirectory(temp);
        try {
            List<PackagedFrame> keyframes = builder.build(temp);
            ArrayNode index = JSON.createArrayNode();
            for (PackagedFrame frame : keyframes) {
                if (!frame.image().getParent().equals(temp)) {
                    throw new IllegalStateException("keyframe " + frame.image() + " is not in the package folder");
                }
                index.addObject().put("index", frame.index()).put("seconds", frame.seconds())
                        .put("file", frame.fileName());
            }
            ObjectNode root = JSON.createObjectNode();
            root.set("keyframes", index);
            Files.write(temp.resolve(INDEX), JSON.writeValueAsBytes(root));
            deleteTree(folder); // a folder without its index is an older, unfinished layout: never half-used
            Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(temp);
        }
    }

    private static List<PackagedFrame> read(Path folder) throws IOException {
        JsonNode index = JSON.readTree(folder.resolve(INDEX).toFile());
        List<PackagedFrame> keyframes = new ArrayList<>();
        for (JsonNode frame : index.path("keyframes")) {
            keyframes.add(new PackagedFrame(frame.path("index").asInt(), frame.path("seconds").asDouble(),
                    folder.resolve(frame.path("file").asText())));
        }
        return keyframes;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Object[] newLocks(int count) {
        Object[] locks = new Object[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
        }
        return locks;
    }
}
