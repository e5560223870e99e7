package dev.lucidscim.camel;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.producer.InputValidation;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimMultiValue;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input that cannot be valid fails with every problem named, before any request reaches Lucid. */
class LucidScimInputValidationTest extends LucidScimTestSupport {

    private ScimValidationException rejected(String uri, Object body, Map<String, Object> headers) {
        Exchange result = call(uri, body, headers);
        assertNoRequestSent();
        assertThat(result.getException()).isInstanceOf(ScimValidationException.class);
        ScimValidationException exception = (ScimValidationException) result.getException();
        assertThat(exception.getStatus()).isZero();
        assertThat(exception.getMessage()).endsWith("[no request was sent]").doesNotContain(TOKEN);
        return exception;
    }

    @Test
    void createNamesEveryProblemOfTheUser() {
        ScimUser user = ScimUser.builder()
                .emails(List.of(ScimMultiValue.workEmail("not-an-email"), ScimMultiValue.workEmail("a@b")))
                .password("short").build();

        ScimValidationException exception = rejected("lucid-scim:users?operation=create", user, Map.of());

        assertThat(exception.getProblems()).hasSize(4);
        assertThat(exception.getMessage()).contains("userName is missing", "'not-an-email' is not a valid address",
                "'a@b' is not a valid address", "shorter than the 8 characters");
    }

    /** A regular expression with a repeated group overflowed the stack on this, past Camel's error handling. */
    @Test
    void aTenKilobyteEmailIsRejectedQuicklyAndQuotedShort() {
        String huge = "a".repeat(5_000) + "@" + "b.".repeat(5_000) + "example";
        ScimUser user = ScimUser.builder().userName("jane@example.com").email(huge).build();

        ScimValidationException exception = rejected("lucid-scim:users?operation=upsert", user, Map.of());

        assertThat(exception.getMessage()).contains("is not a valid address").hasSizeLessThan(600);
    }

    @Test
    void addressesAreCheckedByLengthAndShape() {
        assertThat(List.of("jane@example.com", "j.doe+lucid@mail.example.co.uk", "a@b.c",
                "x".repeat(240) + "@example.com")).allMatch(InputValidation::isEmail);
        assertThat(List.of("", "jane", "@example.com", "jane@", "jane@example", "jane@@example.com",
                "ja ne@example.com", "jane@exa mple.com", "jane@example..com", "jane@.example.com",
                "jane@example.com.", "jane@exam\nple.com", "jane@example.com\u2028", "x".repeat(243) + "@example.com"))
                .noneMatch(InputValidation::isEmail);
    }

    @Test
    void createWithoutEmails() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=create",
                ScimUser.builder().userName("jane@example.com").build(), Map.of());
        assertThat(exception.getMessage()).contains("emails is missing");
    }

    @Test
    void groupWithoutNameOrWithBadMemberIds() {
        ScimValidationException exception = rejected("lucid-scim:groups?operation=create",
                Map.of("members", List.of(Map.of("value", "../lucid-1"))), Map.of());
        assertThat(exception.getMessage()).contains("displayName is missing", "'../lucid-1'");
    }

    @Test
    void bodyThatIsNotJson() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=create", "{\"userName\": ",
                Map.of());
        assertThat(exception.getMessage()).startsWith("The body is not a valid ScimUser");
    }

    @Test
    void bodyOfAnUnreadableType() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=create", 42, Map.of());
        assertThat(exception.getMessage()).contains("cannot read a ScimUser from a body of type java.lang.Integer");
    }

    @Test
    void anUnreadableBodyNamesTheOperationThatReadsTheIdFromIt() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=get", 42, Map.of());
        assertThat(exception.getMessage()).startsWith("Operation get cannot read a ScimUser from a body of type "
                                                      + "java.lang.Integer");
    }

    @Test
    void noBody() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=create", null, Map.of());
        assertThat(exception.getMessage()).contains("No body", "a Map in SCIM shape or a JSON document");
    }

    @Test
    void unknownOperationInTheHeader() {
        ScimValidationException exception = rejected("lucid-scim:users", null,
                Map.of(LucidScimConstants.OPERATION, "obliterate"));
        assertThat(exception.getMessage()).contains("Unknown operation 'obliterate'", "upsert");
    }

    @Test
    void noOperationAtAll() {
        ScimValidationException exception = rejected("lucid-scim:users", null, Map.of());
        assertThat(exception.getMessage()).contains("No operation");
    }

    @Test
    void operationOfTheOtherResource() {
        ScimValidationException exception = rejected("lucid-scim:groups?operation=deactivate", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-1"));
        assertThat(exception.getMessage()).contains("does not apply to lucid-scim:groups");
    }

    @Test
    void aGroupOperationOnUsersNamesTheOperationsThatApply() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=addMembers", List.of("lucid-1"),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-1"));
        assertThat(exception.getMessage()).contains("Operation addMembers does not apply to lucid-scim:users: use one "
                                                    + "of [create, get, search, replace, patch, delete, upsert, "
                                                    + "deactivate, reactivate, reconcile, apply, approve, reject, revert]");
    }

    @Test
    void missingId() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=get", null, Map.of());
        assertThat(exception.getMessage()).contains("No resource id");
    }

    @Test
    void idsThatWouldChangeThePath() {
        for (String id : new String[] { "lucid-1/../../Groups", "..", "a\\b", "lucid-1\n" }) {
            lucid.resetRequests();
            ScimValidationException exception = rejected("lucid-scim:users?operation=get", null,
                    Map.of(LucidScimConstants.RESOURCE_ID, id));
            assertThat(exception.getMessage()).contains("Resource id");
        }
    }

    @Test
    void bothAttributesAndExcludedAttributes() {
        ScimValidationException exception = rejected(
                "lucid-scim:users?operation=search&attributes=userName&excludedAttributes=groups", null, Map.of());
        assertThat(exception.getMessage()).contains("not both");
    }

    @Test
    void upsertWithoutTheMatchAttribute() {
        ScimValidationException exception = rejected("lucid-scim:users?operation=upsert&matchAttribute=externalId",
                ScimUser.builder().userName("jane@example.com").email("jane@example.com").build(), Map.of());
        assertThat(exception.getMessage()).contains("externalId is missing");
    }

    @Test
    void unknownMatchAttributeIsRefusedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("lucid-scim:users?operation=upsert&matchAttribute=emails.value"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("matchAttribute");
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        assertThatThrownBy(() -> template.request(
                "lucid-scim:users?operation=get&tenantUrl=http://users.example.com/scim/v2", exchange -> {
                }))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("plain http:// to a non-loopback host");
    }

    @Test
    void plainHttpToARemoteHostCanBeAllowedExplicitly() throws Exception {
        LucidScimEndpoint endpoint = context.getEndpoint(
                "lucid-scim:users?tenantUrl=http://users.example.com/scim/v2&allowInsecureHttp=true",
                LucidScimEndpoint.class);
        endpoint.start();
        assertThat(endpoint.getClient()).isNotNull();
        endpoint.stop();
    }

    @Test
    void missingTokenFailsAtStartWithAdvice() {
        context.getComponent("lucid-scim", LucidScimComponent.class).getConfiguration().setBearerToken(null);
        assertThatThrownBy(() -> template.request("lucid-scim:users?operation=get", exchange -> {
        })).rootCause().hasMessageContaining("Admin > App Integration > SCIM");
        assertNoRequestSent();
    }

    @Test
    void unknownResource() {
        assertThatThrownBy(() -> context.getEndpoint("lucid-scim:people"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("use lucid-scim:users or lucid-scim:groups");
    }
}
