package io.reelhub.delivery.storyboard;

import java.io.IOException;

import io.reelhub.delivery.Delivery;

/**
 * Gives a delivery's storyboard package, built on first use in the job's work folder and reused by the job's other
 * destinations (and by later attempts, until the job is delivered and its work folder removed).
 */
public interface StoryboardPackages {

    StoryboardPackage of(Delivery delivery) throws IOException, InterruptedException;
}
