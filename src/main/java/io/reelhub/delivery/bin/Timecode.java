package io.reelhub.delivery.bin;

/**
 * Non-drop-frame SMPTE timecode ({@code HH:MM:SS:FF}) for a frame count, as ALE and CMX3600 EDL files write it.
 *
 * <p>Non-drop timecode counts {@link FrameRate#timecodeBase()} frames per timecode second. At 23.976 and 29.97
 * that is 24 and 30 frames, so the timecode runs 0.1 % slower than the clock (one hour of timecode is 3603.6 s);
 * the frame arithmetic editors rely on (event n ends where event n+1 starts) is exact. The hub writes no
 * drop-frame timecode: its files say {@code NON-DROP FRAME} / {@code NDF} everywhere.
 */
final class Timecode {

    private Timecode() {
    }

    static String nonDrop(long frames, FrameRate rate) {
        if (frames < 0) {
            throw new IllegalArgumentException("a timecode cannot be negative: " + frames + " frames");
        }
        int base = rate.timecodeBase();
        long perHour = 3600L * base;
        if (frames >= 24 * perHour) {
            throw new IllegalArgumentException(frames + " frames at " + rate.label() + " fps pass 24:00:00:00");
        }
        long hours = frames / perHour;
        long minutes = frames % perHour / (60L * base);
        long seconds = frames % (60L * base) / base;
        long rest = frames % base;
        return "%02d:%02d:%02d:%02d".formatted(hours, minutes, seconds, rest);
    }

    /** Frames from {@code 00:00:00:00} to one hour, where timelines customarily start. */
    static long oneHour(FrameRate rate) {
        return 3600L * rate.timecodeBase();
    }
}
