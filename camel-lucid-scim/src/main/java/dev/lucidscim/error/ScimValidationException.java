package dev.lucidscim.error;

import java.util.List;

/**
 * Input that cannot be valid. Raised before any request for what the component can check itself (then
 * {@link #getStatus()} is 0 and {@link #getProblems()} lists every problem found), or when Lucid answered 400.
 */
public class ScimValidationException extends ScimException {

    private final transient List<String> problems;

    public ScimValidationException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
        this.problems = List.of(message);
    }

    private ScimValidationException(List<String> problems) {
        super(String.join("; ", problems), FailedRequest.NOT_SENT, null);
        this.problems = List.copyOf(problems);
    }

    /** Input rejected by the component itself: nothing was sent. */
    public static ScimValidationException beforeRequest(List<String> problems) {
        return new ScimValidationException(problems);
    }

    public static ScimValidationException beforeRequest(String problem) {
        return new ScimValidationException(List.of(problem));
    }

    public List<String> getProblems() {
        return problems;
    }
}
