package dev.lucidscim.client;

import dev.lucidscim.camel.TestTokens;
import dev.lucidscim.error.ScimValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filters, ids and tenant URLs: what reaches the wire is exactly what was meant. */
class ClientInputTest {

    @Test
    void filterValuesAreJsonStrings() {
        assertThat(ScimFilter.eq("userName", "jane@example.com")).isEqualTo("userName eq \"jane@example.com\"");
        assertThat(ScimFilter.eq("userName", "a\" or userName pr or \"b"))
                .isEqualTo("userName eq \"a\\\" or userName pr or \\\"b\"");
        assertThat(ScimFilter.eq("displayName", "back\\slash\nnew line")).isEqualTo(
                "displayName eq \"back\\\\slash\\nnew line\"");
        assertThat(ScimFilter.eq("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "7"))
                .endsWith(":employeeNumber eq \"7\"");
    }

    @Test
    void filterAttributesMustBeAttributePaths() {
        assertThatThrownBy(() -> ScimFilter.eq("userName pr or userName", "x"))
                .isInstanceOf(ScimValidationException.class).hasMessageContaining("not a SCIM attribute path");
        assertThatThrownBy(() -> ScimFilter.eq("emails[type eq \"work\"].value", "x"))
                .isInstanceOf(ScimValidationException.class);
    }

    @Test
    void idsBecomeOneEncodedSegment() {
        assertThat(ResourceIds.toPathSegment("lucid-1234")).isEqualTo("lucid-1234");
        assertThat(ResourceIds.toPathSegment("a b?c#d%2F")).isEqualTo("a%20b%3Fc%23d%252F");
        assertThat(ResourceIds.toPathSegment("ü")).isEqualTo("%C3%BC");
        for (String bad : new String[] { "a/b", "..", "x/../y", "a\\b", "", " ", " lucid-1", "a\u0000b" }) {
            assertThatThrownBy(() -> ResourceIds.toPathSegment(bad)).as(bad)
                    .isInstanceOf(ScimValidationException.class);
        }
    }

    @Test
    void tenantUrls() {
        assertThat(TenantUrl.of("https://users.lucid.app/scim/v2/", false)).hasToString(
                "https://users.lucid.app/scim/v2");
        assertThat(TenantUrl.of("http://127.0.0.1:8080/scim/v2", false).isHttps()).isFalse();
        assertThat(TenantUrl.of("http://localhost:8080/scim/v2", false)).isNotNull();
        assertThat(TenantUrl.of("http://[::1]:8080/scim/v2", false)).isNotNull();
        assertThat(TenantUrl.of("http://intranet.example.com/scim/v2", true)).isNotNull();
        assertThatThrownBy(() -> TenantUrl.of("http://intranet.example.com/scim/v2", false))
                .hasMessageContaining("clear text");
        assertThatThrownBy(() -> TenantUrl.of("http://127.0.0.1.example.com/scim/v2", false))
                .hasMessageContaining("clear text");
        assertThatThrownBy(() -> TenantUrl.of("ftp://users.lucid.app", false)).hasMessageContaining("https://");
        assertThatThrownBy(() -> TenantUrl.of("https://user:pw@users.lucid.app/scim/v2", false))
                .hasMessageContaining("user info");
        assertThatThrownBy(() -> TenantUrl.of(" ", false)).hasMessageContaining("empty");
    }

    @Test
    void tokensNeverShowThemselves() {
        BearerToken token = BearerToken.of("  " + TestTokens.UNIT + "\n");
        assertThat(token.toString()).doesNotContain(TestTokens.UNIT).startsWith("BearerToken[sha256:");
        assertThat(token.authorizationHeader()).isEqualTo("Bearer " + TestTokens.UNIT);
        assertThat(token).isEqualTo(BearerToken.of(TestTokens.UNIT)).isNotEqualTo(BearerToken.of("other"));
        assertThatThrownBy(() -> BearerToken.of(" ")).hasMessageContaining("Admin > App Integration > SCIM");
    }
}
