package dev.lucidscim.simulator;

/**
 * Which SCIM server the simulator plays where Lucid's differs from RFC 7643 and RFC 7644 as a strict server reads
 * them. {@link #LUCID} is the default; {@link #STANDARD} is for proving that a client works against other SCIM 2.0
 * servers too. Each rule below is decided here and applied where it takes effect.
 */
public enum SimulatorDialect {

    /** Lucid's SCIM API, quirks included (the default). */
    LUCID,

    /** A strict RFC 7643/7644 server, where Lucid differs from one; everything else is as Lucid. */
    STANDARD;

    /**
     * Lucid leaves deactivated users out of listings, {@code totalResults} and filtered searches (returning them by
     * id only); a standard server lists and finds them with {@code active: false}.
     */
    boolean listsDeactivatedUsers() {
        return this == STANDARD;
    }

    /**
     * RFC 7643 section 3 makes {@code schemas} required, with the core schema's URN and the URN of every extension
     * whose attributes the resource carries: a strict server answers a POST or PUT without them 400
     * {@code invalidSyntax}; Lucid fills them in. RFC 7644 section 3.5.2 gives a PATCH exactly the PatchOp URN: a
     * strict server refuses the form of Lucid's own examples (the core resource URN added), which Lucid reads.
     */
    boolean requiresSchemas() {
        return this == STANDARD;
    }

    /**
     * RFC 7644 section 3.5.2.2: a {@code remove} whose path names a multi-valued attribute without a filter removes
     * the attribute and all its values; only a filter ({@code members[value eq "..."]}) picks values. A strict server
     * so removes every member on {@code {"op":"remove","path":"members","value":[...]}}, whatever the value says;
     * Lucid removes the members the value lists.
     */
    boolean unfilteredRemoveClearsTheAttribute() {
        return this == STANDARD;
    }

    /**
     * Lucid sends a {@code Location} header with a resource; some standard servers give only {@code meta.location}
     * in the body (RFC 7644 section 3.3 asks for both on a create, so this one is not strictness but what clients
     * meet elsewhere).
     */
    boolean sendsLocationHeader() {
        return this == LUCID;
    }
}
