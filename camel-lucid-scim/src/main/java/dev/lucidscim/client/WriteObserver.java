package dev.lucidscim.client;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told of every write a {@link ScimClient} sends (POST, PUT, PATCH, DELETE), whatever sent it, once it is answered or
 * has failed: the one place where writes can be recorded (the audit ledger). Reads are not told.
 */
public interface WriteObserver {

    /** Observes nothing and reads nothing before a write. */
    WriteObserver NONE = new WriteObserver() {
        @Override
        public ResourceBefore before(WriteRequest request, Supplier<JsonNode> reader) {
            return ResourceBefore.NOT_NEEDED;
        }

        @Override
        public void written(ScimWrite write) {
        }
    };

    /**
     * Called before the write is sent: the resource as it is before it, as far as the observer wants it known.
     *
     * @param reader reads the resource by the request's id (one GET, through the same retries and rate limit);
     *               it throws what a get throws
     */
    ResourceBefore before(WriteRequest request, Supplier<JsonNode> reader);

    /** Called once the write was answered or failed for good; must not throw. */
    void written(ScimWrite write);
}
