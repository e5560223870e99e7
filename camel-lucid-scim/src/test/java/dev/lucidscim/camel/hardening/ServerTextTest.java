package dev.lucidscim.camel.hardening;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.camel.TestTokens;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a server says reaches exceptions only through one gate: the token and the request's passwords masked on the
 * whole text, then one line, then cut. Each test is an answer that leaked before the gate: an echoed token in
 * {@code scimType}, a padded plain-text body that pushed most of the token past the cut, a 2xx body quoted by
 * Jackson's parse message, a 2 MB {@code detail}, a password echoed back, a detail with line breaks that forged a
 * log line, and ETags with control characters copied into headers.
 */
class ServerTextTest extends LucidScimTestSupport {

    private static final String PASSWORD = "Correct-Horse-Battery-42";

    private static ResponseDefinitionBuilder scimJson(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", SCIM_JSON).withBody(body);
    }

    private Exchange getUser(String id) {
        return call("lucid-scim:users?operation=get", null, Map.of(LucidScimConstants.RESOURCE_ID, id));
    }

    private static ScimException failure(Exchange result) {
        assertThat(result.getException()).isInstanceOf(ScimException.class);
        return (ScimException) result.getException();
    }

    /** No secret, nor a part of it as long as 8 characters, anywhere in the exception chain. */
    private static void assertNoSecret(Throwable failure, String secret) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (int start = 0; start + 8 <= secret.length(); start++) {
                String part = secret.substring(start, start + 8);
                assertThat(t.toString()).as("%s of the chain", t.getClass().getName()).doesNotContain(part);
            }
            if (t instanceof ScimException scim) {
                assertThat(String.valueOf(scim.getDetail()) + scim.getScimType()).doesNotContain(secret);
            }
        }
    }

    @Test
    void aTokenEchoedInScimTypeIsMasked() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(scimJson(400,
                "{\"status\":\"400\",\"scimType\":\"invalidValue " + TOKEN + "\",\"detail\":\"bad\"}")));

        ScimException e = failure(getUser("lucid-1"));

        assertThat(e.getScimType()).isEqualTo("invalidValue ****");
        assertNoSecret(e, TOKEN);
    }

    @Test
    void aTokenBehindPaddingInAPlainTextBodyIsMaskedBeforeTheCut() {
        // 488 characters of padding: cut at 500 before masking, the first 12 characters of the token stayed visible
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("x".repeat(488) + TOKEN + " trailing")));

        ScimException e = failure(getUser("lucid-1"));

        assertNoSecret(e, TOKEN);
        assertThat(e.getDetail()).startsWith("xxxx").hasSizeLessThan(560);
    }

    @Test
    void aTwoHundredBodyThatIsNotJsonIsQuotedWithoutTheToken() {
        // Jackson quotes an unrecognised word of up to 256 characters in its message
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(scimJson(200, TestTokens.ALPHANUMERIC)));
        ScimInvalidResponseException e = (ScimInvalidResponseException) failure(call(
                "lucid-scim:users?operation=get&bearerToken=" + TestTokens.ALPHANUMERIC, null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1")));

        assertThat(e.getMessage()).contains("Unrecognized token '****'");
        assertThat(e.getCause()).as("the parse failure, kept with a clean message").isNotNull()
                .hasMessageContaining("JsonParseException");
        assertNoSecret(e, TestTokens.ALPHANUMERIC);
    }

    @Test
    void aHugeJsonDetailIsCut() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(scimJson(400,
                "{\"status\":\"400\",\"detail\":\"" + "d".repeat(2 * 1024 * 1024) + "\"}")));

        ScimException e = failure(getUser("lucid-1"));

        assertThat(e.getDetail()).endsWith(" characters)").hasSizeLessThan(530);
        assertThat(e.getMessage()).hasSizeLessThan(1_200);
    }

    @Test
    void aPasswordEchoedAfterACreateIsMasked() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(scimJson(400,
                "{\"status\":\"400\",\"scimType\":\"invalidValue\",\"detail\":\"password '" + PASSWORD
                + "' is too common\"}")));
        ScimUser jane = ScimUser.builder().userName("jane@example.com").email("jane@example.com")
                .password(PASSWORD).build();

        ScimException e = failure(call("lucid-scim:users?operation=create", jane));

        assertThat(e.getDetail()).isEqualTo("password '****' is too common");
        assertNoSecret(e, PASSWORD);
    }

    @Test
    void aPasswordEchoedAfterAPatchIsMasked() {
        lucid.stubFor(patch(urlPathEqualTo("/scim/v2/Users/lucid-1"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Cannot set password to " + PASSWORD + "</body></html>")));
        PatchRequest change = PatchRequest.of(List.of(PatchOperation.replace("password", PASSWORD)));

        ScimException e = failure(call("lucid-scim:users?operation=patch", change,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1")));

        assertNoSecret(e, PASSWORD);
    }

    @Test
    void lineBreaksInADetailCannotForgeALogLine() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(scimJson(409,
                "{\"status\":\"409\",\"scimType\":\"uniqueness\",\"detail\":\"taken\\r\\nERROR forged entry\\u2028"
                + "SUMMARY created=999\"}")));

        ScimException e = failure(getUser("lucid-1"));

        assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u2028").contains("forged entry");
        assertThat(e.getDetail()).doesNotContain("\n", "\r", "\u2028");
    }

    @Test
    void anEtagWithControlCharactersIsNotCopiedIntoTheHeaders() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(scimJson(200,
                "{\"id\":\"lucid-1\",\"userName\":\"jane@example.com\",\"meta\":{\"version\":\"W/\\\"1\\\"\\r\\n"
                + "X-Injected: yes\"}}")));
        lucid.stubFor(get("/scim/v2/Users/lucid-2").willReturn(scimJson(200,
                "{\"id\":\"lucid-2\",\"userName\":\"joe@example.com\",\"meta\":{\"version\":\"W/\\\"7\\\"\"}}")));

        Exchange forged = getUser("lucid-1");
        Exchange plain = getUser("lucid-2");

        assertThat(forged.getException()).isNull();
        assertThat(forged.getMessage().getHeader(LucidScimConstants.ETAG)).isNull();
        assertThat(plain.getMessage().getHeader(LucidScimConstants.ETAG)).isEqualTo("W/\"7\"");
    }
}
