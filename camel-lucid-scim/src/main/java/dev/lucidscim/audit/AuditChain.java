package dev.lucidscim.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.model.ScimJson;

/**
 * The hash chain of the ledger: each record's {@code hash} is SHA-256 (hex) over its canonical JSON, which holds
 * every field but the hash, the previous record's hash included, in one fixed order. A record altered no longer
 * matches its hash; a record removed leaves a gap in the sequence and a previous hash that matches nothing.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** The record as the next one after {@code last} (null: the first of the ledger), sequence and hashes set. */
    public static AuditRecord chain(AuditRecord unchained, AuditRecord last) {
        long sequence = last == null ? 1 : last.sequence() + 1;
        String previousHash = last == null ? "" : last.hash();
        AuditRecord linked = with(unchained, sequence, previousHash, null);
        return with(linked, sequence, previousHash, hash(linked));
    }

    /** SHA-256, hex, over the record's canonical JSON (its hash field left out). */
    public static String hash(AuditRecord record) {
        return sha256Hex(canonicalJson(record));
    }

    /** SHA-256, hex, of the text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Every field but the hash, in the order of the record's declaration, nulls written out. */
    static String canonicalJson(AuditRecord record) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("sequence", record.sequence());
        json.put("time", record.time() == null ? null : record.time().toString());
        json.put("tenantHost", record.tenantHost());
        json.put("operation", record.operation());
        json.put("resourceType", record.resourceType());
        json.put("resourceId", record.resourceId());
        json.put("name", record.name());
        json.put("method", record.method());
        ArrayNode changes = json.putArray("changes");
        for (AttributeChange change : record.changes()) {
            ObjectNode one = changes.addObject();
            one.put("path", change.path());
            one.set("before", orNull(change.before()));
            one.set("after", orNull(change.after()));
        }
        json.put("outcome", record.outcome());
        json.put("status", record.status());
        json.put("version", record.version());
        json.put("detail", record.detail());
        json.put("runId", record.runId());
        json.put("planId", record.planId());
        json.put("exchangeId", record.exchangeId());
        json.put("previousHash", record.previousHash());
        return ScimJson.toJson(json);
    }

    /**
     * Checks the records of a ledger, in ledger order, from its first: the first that breaks the chain, and why.
     */
    public static ChainCheck check(List<AuditRecord> records) {
        AuditRecord previous = null;
        for (AuditRecord record : records) {
            long expected = previous == null ? 1 : previous.sequence() + 1;
            if (record.sequence() < expected) {
                return ChainCheck.broken(record.sequence(), ChainCheck.Break.REORDERED, records.size(),
                        "record " + record.sequence() + " comes after record " + (expected - 1));
            }
            if (record.sequence() > expected) {
                return ChainCheck.broken(expected, ChainCheck.Break.REMOVED, records.size(),
                        "record " + expected + " is missing: the next one is " + record.sequence());
            }
            String previousHash = previous == null ? "" : previous.hash();
            if (!previousHash.equals(record.previousHash())) {
                return ChainCheck.broken(record.sequence(), ChainCheck.Break.REMOVED, records.size(),
                        "record " + record.sequence() + " does not follow the record before it (previous hash "
                        + record.previousHash() + ", expected " + previousHash + ")");
            }
            if (!hash(record).equals(record.hash())) {
                return ChainCheck.broken(record.sequence(), ChainCheck.Break.ALTERED, records.size(),
                        "record " + record.sequence() + " was altered: its content does not match its hash");
            }
            previous = record;
        }
        return ChainCheck.intact(records.size());
    }

    private static JsonNode orNull(JsonNode value) {
        return value == null ? JsonNodeFactory.instance.nullNode() : value;
    }

    private static AuditRecord with(AuditRecord r, long sequence, String previousHash, String hash) {
        return new AuditRecord(sequence, r.time(), r.tenantHost(), r.operation(), r.resourceType(), r.resourceId(),
                r.name(), r.method(), r.changes(), r.outcome(), r.status(), r.version(), r.detail(), r.runId(),
                r.planId(), r.exchangeId(), previousHash, hash);
    }
}
