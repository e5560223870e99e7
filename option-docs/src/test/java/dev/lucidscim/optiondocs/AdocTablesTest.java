package dev.lucidscim.optiondocs;

import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdocTablesTest {

    private final ComponentModel model = SampleCatalog.load();

    @Test
    void optionsOfBothComeFirstThenThoseOfTheEndpointOnlyThenThoseOfTheComponentOnly() {
        String tables = AdocTables.options(model);
        String both = tables.substring(0, tables.indexOf(".On each endpoint only"));
        String endpointOnly = tables.substring(tables.indexOf(".On each endpoint only"),
                tables.indexOf(".On the component only"));
        String componentOnly = tables.substring(tables.indexOf(".On the component only"));

        assertThat(both).contains("`tenantUrl`", "`connectTimeout`", "`bearerToken`")
                .doesNotContain("`resource`", "`delay`", "`configuration`", "`healthCheckConsumerEnabled`");
        assertThat(endpointOnly).contains("`resource`", "`delay`").doesNotContain("`tenantUrl`", "`configuration`");
        assertThat(componentOnly).contains("`configuration`", "`healthCheckConsumerEnabled`")
                .doesNotContain("`tenantUrl`", "`delay`");
    }

    @Test
    void aRowShowsTheOptionsTypeDefaultAndDescription() {
        assertThat(AdocTables.options(model)).contains(
                "| `connectTimeout` | duration | `+10s+` | pass:c[The longest wait for a connection to Lucid.]\n",
                "| `stateRepository` | `+StateRepository<String, String>+` |  | pass:c[Where the consumer keeps");
    }

    @Test
    void aSecretIsMarkedAndARequiredOptionWithoutDefaultSaysSo() {
        assertThat(AdocTables.options(model)).contains("| `bearerToken` (secret) | string | required | ",
                "| `resource` | enum | required | ");
    }

    @Test
    void anEnumListsItsValues() {
        assertThat(AdocTables.options(model)).contains("(all). Values: changes, all.]");
    }

    @Test
    void rowsAreGroupedAsTheCatalogGroupsThem() {
        String both = AdocTables.options(model).split("\\.On each endpoint only")[0];

        assertThat(both).containsSubsequence("4+| *Common*\n| `tenantUrl`", "4+| *Consumer*\n| `mode`",
                "4+| *Advanced*\n| `connectTimeout`", "4+| *Proxy*\n| `proxyPort`", "4+| *Security*\n| `bearerToken`");
        assertThat(both.split("\\*Advanced\\*", -1)).hasSize(2);
    }

    @Test
    void noCharacterOfADescriptionIsReadAsMarkup() {
        SampleCatalog.describe(model, "tenantUrl", "A *bold* {attribute} <<xref>>, a | bar and a ] bracket.");

        assertThat(AdocTables.options(model)).contains(
                "| pass:c[A *bold* {attribute} <<xref>>, a \\| bar and a \\] bracket.]\n");
    }

    @Test
    void aDescriptionWithoutFullStopGetsOne() {
        assertThat(AdocTables.options(model)).contains("health checks from this component.]");
    }

    @Test
    void headersAreGroupedWithTheirTypes() {
        assertThat(AdocTables.headers(model)).containsSubsequence(
                "3+| *Producer*\n| `CamelLucidScimOperation` | `+LucidScimOperation+` | pass:c[The operation",
                "| `CamelLucidScimMemberIds` | `+List<String>+` |",
                "3+| *Common*\n| `CamelLucidScimResourceId` | `+String+` |",
                "3+| *Consumer*\n| `CamelLucidScimChangeType` |");
    }
}
