package dev.lucidscim.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimAuthenticationException;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimConflictException.Kind;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimLicenseDependencyException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.error.ScimPreconditionFailedException;
import dev.lucidscim.error.ScimRateLimitedException;
import dev.lucidscim.error.ScimRequestRejectedException;
import dev.lucidscim.error.ScimServerException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimError;
import dev.lucidscim.model.ScimJson;

/**
 * Turns an error response into the exception that says what happened at Lucid and what to do about it. The body is
 * read leniently: RFC 7644 error JSON, any other JSON, plain text or nothing.
 */
final class ScimErrorMapper {

    private ScimErrorMapper() {
    }

    /** A 409 detail that names another Lucid account, in Lucid's words or close to them. */
    private static final Pattern OTHER_ACCOUNT = Pattern.compile(
            "\\b(another|other|different)\\s+(lucid\\s+)?account\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static ScimException toException(ScimRequest request, ScimHttpResponse response, int attempts) {
        ScimError error = readError(response);
        int status = response.status();
        FailedRequest failed = new FailedRequest(request.method(), request.path(), status, error.scimType(),
                error.detail());
        if (status == 400) {
            return new ScimValidationException("invalidFilter".equals(error.scimType())
                    ? "Lucid does not support this filter: it accepts one '<attribute> eq \"<value>\"' comparison "
                      + "on userName, emails.value, externalId or displayName"
                    : "Lucid rejected the request as invalid: correct the attribute, value or filter it names",
                    failed, null);
        }
        if (status == 401) {
            return new ScimAuthenticationException("Lucid refused the bearer token (invalid, expired or revoked): "
                                                   + "generate a new one under Admin > App Integration > SCIM > "
                                                   + "Settings and update the bearerToken option", failed, null);
        }
        if (status == 403 && isUserById(request.path())) {
            return new ScimNotFoundException("No such Lucid user (older Lucid API versions answer 403 for a user "
                                             + "that does not exist)", failed, null);
        }
        if (status == 403) {
            return new ScimAuthenticationException("Lucid does not allow this token to do this: check that SCIM is "
                                                   + "enabled for the account and that the token belongs to the "
                                                   + "right integration (admin management or content access)",
                    failed, null);
        }
        if (status == 404) {
            return new ScimNotFoundException("Not found at Lucid: check the id (users look like lucid-1234, groups "
                                             + "like lucid-group-1234)", failed, null);
        }
        if (status == 409) {
            return conflict(request, error, failed);
        }
        if (status == 412) {
            return new ScimPreconditionFailedException("The resource changed at Lucid since the version this write "
                                                       + "was planned against (If-Match): it was not written; plan "
                                                       + "again from the current state", failed, null);
        }
        if (status == 424) {
            return new ScimLicenseDependencyException("Lucid needs a base license before this add-on license: "
                                                      + "grant Lucidchart or Lucidspark first", failed, null);
        }
        if (status == 429) {
            Duration retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now());
            return new ScimRateLimitedException("Lucid is rate limiting this tenant and still was after " + attempts
                                                + " attempt(s): lower requestsPerSecond or the route's concurrency, "
                                                + "or raise the retry budget", retryAfter, failed);
        }
        if (status >= 500) {
            return new ScimServerException("Lucid failed to handle the request" + (attempts > 1
                    ? " " + attempts + " times" : "") + ": try again later; if it persists, contact Lucid support",
                    failed, null);
        }
        return new ScimRequestRejectedException("Lucid rejected the request", failed, null);
    }

    /**
     * Both kinds of 409 at Lucid: taken in this account (a user's often by a hidden, deactivated user, a team's by an
     * archived team) or in another one.
     */
    private static ScimConflictException conflict(ScimRequest request, ScimError error, FailedRequest failed) {
        String detail = error.detail() == null ? "" : error.detail().toLowerCase(Locale.ROOT);
        if (request.method().equals("DELETE")) {
            return new ScimConflictException("Lucid will not delete this user (the account owner and the default "
                                             + "document owner cannot be deleted): deactivate it instead",
                    Kind.NOT_DELETABLE, failed, null);
        }
        if (OTHER_ACCOUNT.matcher(detail).find()) {
            return new ScimConflictException("This e-mail belongs to a user of another Lucid account: only an "
                                             + "admin invite from the Lucid admin panel can bring the user into "
                                             + "this account", Kind.EXISTS_IN_OTHER_ACCOUNT, failed, null);
        }
        boolean duplicate = "uniqueness".equals(error.scimType()) || detail.contains("exist")
                            || detail.contains("already") || detail.contains("taken") || detail.contains("duplicate");
        Kind kind = duplicate ? Kind.DUPLICATE_IN_ACCOUNT : Kind.UNSPECIFIED;
        if (request.path().startsWith("/Groups")) {
            return new ScimConflictException("The group name is already taken in this Lucid account. Among teams (the "
                                             + "content-access integration) an archived team keeps its name: a "
                                             + "create of that name restores it, a rename to it is refused",
                    kind, failed, null);
        }
        String message = "The userName or e-mail is already taken in this Lucid account. This "
                         + "is often a deactivated user, whom Lucid hides from searches: reactivate it by id "
                         + "(operation=reactivate) instead of creating it; if Lucid's detail names another account, "
                         + "only an admin invite can resolve it";
        return new ScimConflictException(message, kind, failed, null);
    }

    private static boolean isUserById(String path) {
        return path.startsWith("/Users/");
    }

    /** Every string taken from the body passes {@link ServerText}: secrets masked, one line, bounded. */
    private static ScimError readError(ScimHttpResponse response) {
        if (!response.hasBody()) {
            return ScimError.of(response.status(), null, null);
        }
        ServerText text = response.serverText();
        try {
            ScimError error = ScimJson.read(response.body(), ScimError.class);
            return new ScimError(error.schemas(), error.status(), text.clean(error.scimType()),
                    text.clean(error.detail()), null);
        } catch (IOException | RuntimeException notJson) {
            return ScimError.of(response.status(), null,
                    text.clean(new String(response.body(), StandardCharsets.UTF_8).strip()));
        }
    }
}
