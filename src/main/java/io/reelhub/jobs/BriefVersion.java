package io.reelhub.jobs;

/** The version a brief's content was given, and whether that content had been seen before. */
public record BriefVersion(int version, boolean duplicate) {
}
