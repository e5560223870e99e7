package dev.lucidscim.error;

/** Lucid answered 409; {@link #getKind()} tells the conflicts apart where Lucid's detail allows. */
public class ScimConflictException extends ScimException {

    /** What conflicted. */
    public enum Kind {
        /** The userName, e-mail or group name is taken in this account, possibly by a deactivated user. */
        DUPLICATE_IN_ACCOUNT,
        /** The userName or e-mail belongs to another Lucid account: only an admin invite can resolve it. */
        EXISTS_IN_OTHER_ACCOUNT,
        /** The user cannot be deleted (account owner or default document owner). */
        NOT_DELETABLE,
        /** More than one resource has the value upsert matches on (found by the component, not sent by Lucid). */
        AMBIGUOUS_MATCH,
        /** Lucid did not say which conflict it was. */
        UNSPECIFIED
    }

    private final Kind kind;

    public ScimConflictException(String message, Kind kind, FailedRequest request, Throwable cause) {
        super(message, request, cause);
        this.kind = kind;
    }

    public Kind getKind() {
        return kind;
    }
}
