package dev.lucidscim.client;

import java.util.List;
import java.util.Locale;

import dev.lucidscim.model.ScimSchemas;

/**
 * How a PATCH is sent: the {@code schemas} of its body and its {@code Content-Type}. Lucid's published examples send
 * {@code application/json} and list the core resource URN beside the PatchOp message URN; RFC 7644 (section 3.5.2)
 * lists only the message URN, and a server that follows it to the letter refuses the other form with 400. Lucid reads
 * the RFC form too, so that is the default. Its {@code toString()} is the value of the {@code patchForm} option.
 */
public enum PatchForm {
    /** RFC 7644's: the PatchOp URN alone, {@code application/scim+json}. */
    RFC(ScimConnection.SCIM_JSON),
    /** Lucid's examples': the PatchOp URN and the core User or Group URN, {@code application/json}. */
    LUCID("application/json");

    private final String contentType;

    PatchForm(String contentType) {
        this.contentType = contentType;
    }

    /** The body's {@code schemas} for a PATCH of a resource whose core schema is {@code coreSchema}. */
    List<String> schemas(String coreSchema) {
        return this == RFC ? List.of(ScimSchemas.PATCH_OP) : List.of(ScimSchemas.PATCH_OP, coreSchema);
    }

    String contentType() {
        return contentType;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
