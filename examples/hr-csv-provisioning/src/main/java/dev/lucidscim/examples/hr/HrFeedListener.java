package dev.lucidscim.examples.hr;

/** Told when an HR file has been provisioned, or could not be (the file then moves to {@code .failed}). */
public interface HrFeedListener {

    void fileDone(ProvisioningRun run);

    void fileFailed(String fileName, Exception cause);
}
