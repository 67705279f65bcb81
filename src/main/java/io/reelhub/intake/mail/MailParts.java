package io.reelhub.intake.mail;

import java.nio.file.Path;
import java.util.List;

/**
 * What a mail holds, read once: its text body and each attachment, in the order they appear. Nothing is dropped:
 * attachments that share a name are all here, told apart by {@link Attachment#index}.
 *
 * @param body     the text/plain body (not an attachment), or null
 * @param htmlOnly true when the mail had an HTML body and no plain-text one
 */
record MailParts(String body, boolean htmlOnly, List<Attachment> attachments) {

    /** One attached file. {@code index} is 1 for the first attachment of a name, 2 for the next of the same name. */
    sealed interface Attachment permits BriefFile, Image, Other {
        String name();

        int index();

        long size();

        /** The name, with {@code #2}, {@code #3} for later attachments of the same name. */
        default String label() {
            return index() == 1 ? name() : name() + "#" + index();
        }
    }

    /**
     * A {@code .yaml}, {@code .yml}, {@code .json} or {@code .md} file.
     *
     * @param prefix at most the brief size limit plus one byte; {@code size} is the real, decoded size
     */
    record BriefFile(String name, int index, byte[] prefix, long size) implements Attachment {
    }

    /**
     * An image, streamed to a work file. {@code file} is null when it was over the image size limit and not kept.
     */
    record Image(String name, int index, Path file, long size, String sha256) implements Attachment {

        boolean tooLarge() {
            return file == null;
        }
    }

    /** Anything else; left in the mail, listed in the reply as not used. */
    record Other(String name, int index, long size, String contentType) implements Attachment {
    }

    <T extends Attachment> List<T> all(Class<T> type) {
        return attachments.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
