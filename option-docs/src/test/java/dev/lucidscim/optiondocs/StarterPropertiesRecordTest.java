package dev.lucidscim.optiondocs;

import java.util.Arrays;

import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StarterPropertiesRecordTest {

    private static final String TEMPLATE = """
            package sample;

            import java.util.Map;

            import org.springframework.boot.context.properties.ConfigurationProperties;
            {{imports}}

            /**
             * Sample.
             *
            {{optionDocs}}
             */
            @ConfigurationProperties(prefix = "sample")
            public record Sample(
            {{components}}) {

                Map<String, Object> setOptions() {
                    return Map.of();
                }
            }
            """;

    private final ComponentModel model = SampleCatalog.load();

    @Test
    void everyComponentOptionIsARecordComponentOfAWrapperType() {
        assertThat(StarterPropertiesRecord.render(model, TEMPLATE)).contains("""
                public record Sample(
                        LucidScimConfiguration configuration,
                        String tenantUrl,
                        LucidScimConsumerMode mode,
                        @DurationUnit(ChronoUnit.MILLIS) Duration connectTimeout,
                        Long maxResponseSize,
                        Double requestsPerSecond,
                        StateRepository<String, String> stateRepository,
                        Boolean healthCheckConsumerEnabled,
                        Integer proxyPort,
                        String bearerToken) {
                """);
    }

    @Test
    void theTemplatesImportsAndThoseOfTheOptionsAreSortedTogether() {
        assertThat(StarterPropertiesRecord.render(model, TEMPLATE)).startsWith("""
                package sample;

                import java.time.Duration;
                import java.time.temporal.ChronoUnit;
                import java.util.Map;

                import dev.lucidscim.camel.LucidScimConfiguration;
                import dev.lucidscim.camel.LucidScimConsumerMode;
                import org.apache.camel.spi.StateRepository;
                import org.springframework.boot.context.properties.ConfigurationProperties;
                import org.springframework.boot.convert.DurationUnit;

                /**
                """);
    }

    @Test
    void eachOptionIsDocumentedWithItsDescriptionAndWhatTheCatalogAlsoTells() {
        String source = StarterPropertiesRecord.render(model, TEMPLATE);

        assertThat(source).contains(" * @param connectTimeout The longest wait for a connection to Lucid. The "
                                    + "component's default: 10s. A number alone counts\n"
                                    + " *                       milliseconds; 10s, 2m or PT30S also work.\n");
        String unwrapped = source.replaceAll("\n \\*\\s+", " ");
        assertThat(unwrapped).contains("@param stateRepository Where the consumer keeps",
                "use only a configured one. A bean: #beanName or #bean:beanName.",
                "health checks from this component. The component's default: true.");
        assertThat(Arrays.stream(source.split("\n")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }

    @Test
    void aDescriptionThatWouldEndTheJavadocIsRefused() {
        SampleCatalog.describe(model, "tenantUrl", "Such as https://host/*/scim.");

        assertThatThrownBy(() -> StarterPropertiesRecord.render(model, TEMPLATE))
                .hasMessageContaining("option tenantUrl").hasMessageContaining("'*/'");
    }

    @Test
    void aTemplateWithoutAPlaceholderIsRefused() {
        assertThatThrownBy(() -> StarterPropertiesRecord.render(model, TEMPLATE.replace("{{components}}", "")))
                .hasMessageContaining("{{components}}");
    }
}
