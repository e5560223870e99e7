package dev.lucidscim.examples.springboot;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimMeta;
import dev.lucidscim.model.ScimUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component's model through Spring Boot 4's own JSON mapper (Jackson 3, the application's {@link JsonMapper}
 * bean), compared with the component's SCIM JSON. Jackson 3 reads the model's {@code com.fasterxml.jackson.annotation}
 * annotations (names, NON_NULL, any-getter and any-setter) but not jackson-databind 2's {@code @JsonSerialize} and
 * {@code @JsonDeserialize}, so {@code meta}'s dates go through Jackson 3's own java.time support instead of the
 * model's serializers. What that gives, exactly:
 * <ul>
 * <li>writing: the same JSON as the component's, ISO-8601 dates with their offset included; the password too, as
 * every Jackson mapper writes it (only Camel's type converters leave it out);</li>
 * <li>reading: extensions and unknown attributes kept, but a date's offset is normalised to UTC (the same instant),
 * and a date without an offset, which the component reads as UTC, fails the whole read.</li>
 * </ul>
 */
class ComponentBodiesInSpringJsonTest extends WebhookServiceTestSupport {

    private static final OffsetDateTime LAST_MODIFIED = OffsetDateTime.of(2024, 5, 2, 10, 0, 30, 250_000_000,
            ZoneOffset.ofHours(2));
    private static final ScimUser USER = ScimUser.builder().id("lucid-7").userName("ada@example.com")
            .email("ada@example.com").name("Ada", "Lovelace").password("Initial-Passw0rd-7")
            .enterprise(EnterpriseUser.builder().department("Analytics").build())
            .meta(new ScimMeta("User", OffsetDateTime.of(2024, 3, 1, 9, 15, 0, 0, ZoneOffset.UTC), LAST_MODIFIED,
                    null, "W/\"3\"", Map.of()))
            .attribute("urn:example:custom:1.0:User", Map.of("badge", "42"))
            .attribute("nickName", "Countess")
            .build();

    @Autowired
    JsonMapper springJson;

    @Test
    void springWritesTheSameJsonAsTheComponentPasswordIncluded() throws Exception {
        String written = springJson.writeValueAsString(USER);

        assertThat(ScimJson.readTree(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(ScimJson.toTree(USER));
        assertThat(written).contains("\"lastModified\":\"2024-05-02T10:00:30.25+02:00\"")
                .contains("\"password\":\"Initial-Passw0rd-7\"");
    }

    @Test
    void springReadsTheJsonBackWithTheDatesOffsetNormalisedToUtc() throws Exception {
        ScimUser read = springJson.readValue(ScimJson.toJson(USER), ScimUser.class);

        assertThat(read.enterprise().department()).isEqualTo("Analytics");
        assertThat(read.extra()).containsEntry("nickName", "Countess")
                .containsEntry("urn:example:custom:1.0:User", Map.of("badge", "42"));
        // AssertJ compares OffsetDateTime by instant: the same instant, another offset
        assertThat(read.meta().lastModified()).isEqualTo(LAST_MODIFIED);
        assertThat(read.meta().lastModified().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(ScimJson.read(ScimJson.toBytes(USER), ScimUser.class).meta().lastModified().getOffset())
                .as("the component keeps the offset").isEqualTo(LAST_MODIFIED.getOffset());
    }

    @Test
    void aDateWithoutOffsetFailsSpringsReadButNotTheComponents() throws Exception {
        String json = "{\"userName\":\"ada@example.com\",\"meta\":{\"created\":\"2024-03-01T09:15:00\"}}";

        assertThat(ScimJson.read(json.getBytes(StandardCharsets.UTF_8), ScimUser.class).meta().created())
                .isEqualTo(OffsetDateTime.of(2024, 3, 1, 9, 15, 0, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> springJson.readValue(json, ScimUser.class)).isInstanceOf(JacksonException.class)
                .hasMessageContaining("2024-03-01T09:15:00");
    }
}
