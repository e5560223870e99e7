package dev.lucidscim.camel.producer;

import java.time.Instant;

/**
 * An attribute path the tenant accepted a write of and did not keep, which upsert and reconcile leave out of their
 * writes from then on.
 *
 * @param path   the attribute path, as in a PATCH ({@code urn:...:lucid:2.0:User:productLicenses.Lucidchart})
 * @param reason why the tenant does not keep it, as far as the component can tell
 * @param since  when it was found
 */
public record IgnoredAttribute(String path, String reason, Instant since) {
}
