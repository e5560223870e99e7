package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters longer than the limit (2,048 characters by default) are refused before any parsing. */
class FilterLengthTest extends SimulatorTestSupport {

    private static final int LIMIT = 2048;

    @ParameterizedTest
    @ValueSource(strings = {"nested", "wide"})
    void aFilterBuiltToOverflowTheParserIs400InvalidFilter(String shape) {
        String filter = shape.equals("nested") ? HostileFilters.nested(5000) : HostileFilters.wide(5000);

        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", filter));

        assertInvalidFilter(response);
        assertThat(response.json().path("detail").asText()).contains(Integer.toString(LIMIT));
    }

    @Test
    void aFilterOfExactlyTheLimitIsParsedAndOneLongerIsNot() {
        String atTheLimit = "userName eq \"" + "a".repeat(LIMIT - "userName eq \"\"".length()) + "\"";
        simulator.seedUser(Scim.user(atTheLimit.substring("userName eq \"".length(), LIMIT - 1)));

        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", atTheLimit));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.totalResults()).isOne();
        assertInvalidFilter(scim.get(ScimClient.filtered("/Users", atTheLimit + " ")));
    }

    @Test
    void aValueOfEscapedQuotesUpToTheLimitIsParsed() {
        String value = "\\\"".repeat((LIMIT - "userName eq \"\"".length()) / 2);

        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", "userName eq \"" + value + "\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.totalResults()).isZero();
    }

    private static void assertInvalidFilter(ScimClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(response.json().path("scimType").asText()).isEqualTo("invalidFilter");
    }
}
