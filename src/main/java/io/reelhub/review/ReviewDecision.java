package io.reelhub.review;

/**
 * What a reviewer decided about a held job.
 *
 * @param by   who decided ({@code folder} when the job's folder was moved), may be null
 * @param note why, may be null
 */
public record ReviewDecision(String by, String note) {

    public static final ReviewDecision NONE = new ReviewDecision(null, null);

    String describe(String verb) {
        StringBuilder text = new StringBuilder(verb);
        if (by != null && !by.isBlank()) {
            text.append(" by ").append(by.strip());
        }
        if (note != null && !note.isBlank()) {
            text.append(": ").append(note.strip());
        }
        return text.toString();
    }
}
