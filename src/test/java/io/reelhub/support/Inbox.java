package io.reelhub.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Drops files into a hub's inbox the way a careful user does: written elsewhere, then moved in at once. */
public final class Inbox {

    private final Path inbox;

    public Inbox(Path home) {
        this.inbox = home.resolve("inbox");
    }

    public Path drop(String name, byte[] content) throws IOException {
        Files.createDirectories(inbox);
        Path temp = inbox.resolve("." + name + ".tmp");
        Files.write(temp, content);
        return Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    public Path drop(String name, String content) throws IOException {
        return drop(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Path done(String name) {
        return inbox.resolve(".done").resolve(name);
    }

    public Path failed(String name) {
        return inbox.resolve(".failed").resolve(name);
    }

    public Path path(String name) {
        return inbox.resolve(name);
    }
}
