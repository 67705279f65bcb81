package io.reelhub.qc;

/**
 * One check of a clip, as a reviewer reads it.
 *
 * @param name     {@code container}, {@code codec}, {@code duration}, {@code resolution}, {@code decodes},
 *                 {@code black} or {@code frozen}
 * @param passed   whether the clip met it
 * @param measured what the clip has ({@code 320x180}, {@code 4.04 s}, {@code black 1.00-4.00 s}, ffmpeg's error)
 * @param expected what it should have
 */
public record QcCheck(String name, boolean passed, String measured, String expected) {

    static QcCheck of(String name, boolean passed, String measured, String expected) {
        return new QcCheck(name, passed, measured, expected);
    }

    /** {@code resolution: 320x180, expected 640x360}. */
    String describe() {
        return name + ": " + measured + ", expected " + expected;
    }
}
