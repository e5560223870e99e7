package dev.lucidscim.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties against the component's catalog JSON, which camel-package-maven-plugin generates from the
 * component: the same options, each documented in the IDE metadata that Spring's configuration processor generates
 * with the option's own description (the properties record is generated from the JSON, see option-docs), with a type
 * that binds the catalog's kind of value.
 */
class LucidScimStarterMetadataTest {

    private static final String PREFIX = "camel.component.lucid-scim.";
    private static final Set<String> STARTER_OWN = Set.of("enabled", "customizer.enabled");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = LucidScimStarterMetadataTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }

    /** Option name (as the catalog spells it) to its catalog entry. */
    private static Map<String, JsonNode> componentOptions() throws IOException {
        JsonNode options = read("/META-INF/dev/lucidscim/camel/lucid-scim.json").path("componentProperties");
        Map<String, JsonNode> byName = new TreeMap<>();
        options.fields().forEachRemaining(entry -> byName.put(entry.getKey(), entry.getValue()));
        return byName;
    }

    /** Property name without the prefix to its metadata entry. */
    private static Map<String, JsonNode> starterProperties() throws IOException {
        JsonNode properties = read("/META-INF/spring-configuration-metadata.json").path("properties");
        return StreamSupport.stream(properties.spliterator(), false)
                .collect(Collectors.toMap(p -> p.path("name").asText().substring(PREFIX.length()), p -> p,
                        (a, b) -> a, TreeMap::new));
    }

    @Test
    void theStarterHasExactlyTheComponentOptions() throws IOException {
        Set<String> expected = componentOptions().keySet().stream().map(StringHelper::camelCaseToDash)
                .collect(Collectors.toSet());
        Set<String> actual = starterProperties().keySet().stream().filter(name -> !STARTER_OWN.contains(name))
                .collect(Collectors.toSet());

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyPropertyIsDocumented() throws IOException {
        assertThat(starterProperties()).allSatisfy((name, property) ->
                assertThat(property.path("description").asText()).as(name).isNotBlank());
    }

    @Test
    void everyPropertyCarriesTheComponentsDescriptionOfItsOption() throws IOException {
        Map<String, JsonNode> starter = starterProperties();
        componentOptions().forEach((name, option) ->
                assertThat(starter.get(StringHelper.camelCaseToDash(name)).path("description").asText()).as(name)
                        .startsWith(option.path("description").asText()));
    }

    @Test
    void everyPropertyHasATypeForItsKindOfValue() throws IOException {
        Map<String, JsonNode> starter = starterProperties();
        componentOptions().forEach((name, option) -> {
            String type = starter.get(StringHelper.camelCaseToDash(name)).path("type").asText();
            String expected = switch (option.path("type").asText()) {
                case "duration" -> "java.time.Duration";
                case "string" -> "java.lang.String";
                case "boolean" -> "java.lang.Boolean";
                case "number" -> "java.lang.Double";
                case "integer" -> option.path("javaType").asText().matches("long|java.lang.Long") ? "java.lang.Long"
                        : "java.lang.Integer";
                default -> option.path("javaType").asText().replace(", ", ",");
            };
            assertThat(type).as(name).isEqualTo(expected);
        });
    }
}
