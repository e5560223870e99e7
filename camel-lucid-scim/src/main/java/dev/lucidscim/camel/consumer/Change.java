package dev.lucidscim.camel.consumer;

import java.util.List;

import dev.lucidscim.camel.LucidScimChangeType;
import dev.lucidscim.camel.state.KnownResource;
import dev.lucidscim.model.ScimResource;

/**
 * One change the consumer delivers, and what to remember once it is delivered.
 *
 * @param resource          the body: the resource as listed (or read by id), or its last known tracked attributes
 *                          when it is gone
 * @param previous          the tracked attributes before the change, as a partial resource, or null
 * @param changedAttributes the tracked attributes that differ (empty when only untracked ones did)
 * @param membersAdded      for groups, member ids added (all of them for a created group)
 * @param membersRemoved    for groups, member ids removed
 * @param remember          what to commit once the exchange succeeded; null to forget the resource
 */
public record Change(LucidScimChangeType type, String id, ScimResource resource, ScimResource previous,
                     List<String> changedAttributes, List<String> membersAdded, List<String> membersRemoved,
                     KnownResource remember) {

    /** A stable id for this change (resource id and new fingerprint), for idempotent routes. */
    public String changeId() {
        return id + ":" + type + ":" + (remember == null ? "gone" : remember.fingerprint());
    }
}
