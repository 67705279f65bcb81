package io.reelhub.dispatch;

import java.util.Set;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;

/** What the hub does for a job in one state. A step either moves the job on or throws; it never loops or sleeps. */
interface JobStep {

    Set<JobState> handles();

    void run(Job job);

    /** How a user reads a failure of this step ("submit", "download", ...). */
    String name();
}
