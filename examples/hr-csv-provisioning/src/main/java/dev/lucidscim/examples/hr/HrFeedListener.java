package dev.lucidscim.examples.hr;

/**
 * Told when an HR file has been applied, with what came of it, or could not be (the file then moves to
 * {@code .failed}).
 *
 * @param <R> what applying a file gives: a {@link ProvisioningRun} (upsert) or a reconcile report
 */
public interface HrFeedListener<R> {

    void fileDone(R result);

    void fileFailed(String fileName, Exception cause);
}
