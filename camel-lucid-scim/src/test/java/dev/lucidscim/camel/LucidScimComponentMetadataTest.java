package dev.lucidscim.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated metadata that tools (Camel JBang, IDEs, Karavan, catalog) read: services file and component JSON,
 * with every option and header documented, the token secret, and the defaults users rely on.
 */
class LucidScimComponentMetadataTest {

    private static JsonNode componentJson() throws Exception {
        try (InputStream in = LucidScimComponentMetadataTest.class
                .getResourceAsStream("/META-INF/dev/lucidscim/camel/lucid-scim.json")) {
            assertThat(in).as("component JSON on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void servicesFileNamesTheComponent() throws Exception {
        Properties services = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component/lucid-scim")) {
            assertThat(in).isNotNull();
            services.load(in);
        }
        assertThat(services.getProperty("class")).isEqualTo(LucidScimComponent.class.getName());
    }

    @Test
    void everyOptionAndHeaderIsDocumented() throws Exception {
        JsonNode json = componentJson();
        assertThat(json.path("component").path("scheme").asText()).isEqualTo("lucid-scim");
        for (String section : List.of("componentProperties", "properties", "headers")) {
            json.path(section).fields().forEachRemaining(option -> assertThat(
                    option.getValue().path("description").asText()).as(section + "." + option.getKey()).isNotBlank());
        }
        assertThat(json.path("headers").size()).isEqualTo(24);
    }

    @Test
    void tokenIsSecretAndDefaultsAreDocumented() throws Exception {
        JsonNode properties = componentJson().path("properties");
        assertThat(properties.path("bearerToken").path("secret").asBoolean()).isTrue();
        assertThat(properties.path("proxyPassword").path("secret").asBoolean()).isTrue();
        assertThat(properties.path("tenantUrl").path("defaultValue").asText())
                .isEqualTo("https://users.lucid.app/scim/v2");
        assertThat(properties.path("readTimeout").path("defaultValue").asText()).isEqualTo("30s");
        assertThat(properties.path("pageSize").path("defaultValue").asInt()).isEqualTo(100);
        assertThat(properties.path("filteredResultCap").path("defaultValue").asInt()).isEqualTo(10_000);
        assertThat(properties.path("delay").path("defaultValue").asText()).isEqualTo("5m");
        assertThat(properties.path("mode").path("enum")).extracting(JsonNode::asText)
                .containsExactly("changes", "all");
        JsonNode enums = properties.path("operation").path("enum");
        assertThat(enums).extracting(JsonNode::asText).containsExactlyElementsOf(
                Arrays.stream(LucidScimOperation.values()).map(Object::toString).toList());
        assertThat(componentJson().path("componentProperties").path("bearerToken").path("secret").asBoolean())
                .isTrue();
    }

    @Test
    void theComponentPageDocumentsEveryOptionAndHeader() throws Exception {
        String page = Files.readString(Path.of("src/main/docs/lucid-scim-component.adoc"));
        JsonNode json = componentJson();
        for (String section : List.of("properties", "headers")) {
            json.path(section).fieldNames().forEachRemaining(name -> {
                if (!name.equals("resource")) {
                    assertThat(page).as("lucid-scim-component.adoc mentions " + name).contains("`" + name + "`");
                }
            });
        }
        Arrays.stream(LucidScimOperation.values()).forEach(operation -> assertThat(page).contains(
                "| `" + operation + "`"));
    }
}
