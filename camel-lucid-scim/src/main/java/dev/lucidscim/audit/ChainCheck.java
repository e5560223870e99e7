package dev.lucidscim.audit;

/**
 * What {@link AuditChain#check} found.
 *
 * @param intact     whether every record is there, unaltered, in order
 * @param brokenAt   the sequence of the first record that breaks the chain (for a removal, the missing one), else 0
 * @param kind       how it is broken, else null
 * @param checked    how many records were read
 * @param why        a sentence naming the record and what is wrong with it, else null
 */
public record ChainCheck(boolean intact, long brokenAt, Break kind, int checked, String why) {

    /** How a chain is broken. */
    public enum Break {
        /** A record's content does not match its hash. */
        ALTERED,
        /** A record is missing: a gap in the sequence, or a previous hash that is not the record before's. */
        REMOVED,
        /** A record comes after one with a higher or equal sequence. */
        REORDERED
    }

    static ChainCheck intact(int checked) {
        return new ChainCheck(true, 0, null, checked, null);
    }

    static ChainCheck broken(long at, Break kind, int checked, String why) {
        return new ChainCheck(false, at, kind, checked, why);
    }
}
