package dev.lucidscim.camel.dialect;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios against the simulator as Lucid, with the endpoints' default dialect written out. */
class LucidDialectTest extends DialectScenarios {

    @Override
    String dialect() {
        return "lucid";
    }

    /** Lucid reads the form of its own examples as it reads the RFC's: users patched, members added and removed. */
    @Test
    void lucidsPatchFormIsReadForUsersAndMembers() {
        String ann = lucid.seedUser(person("ann", true));
        String ben = lucid.seedUser(person("ben", true));
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + ann + "\"}]}");

        List<Exchange> results = List.of(
                template.request("lucid-scim:users?operation=deactivate&patchForm=lucid",
                        exchange -> exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, ann)),
                template.request("lucid-scim:groups?operation=addMembers&patchForm=lucid", exchange -> {
                    exchange.getMessage().setBody(List.of(ben));
                    exchange.getMessage().setHeaders(Map.of(LucidScimConstants.RESOURCE_ID, group));
                }),
                template.request("lucid-scim:groups?operation=removeMembers&patchForm=lucid", exchange -> {
                    exchange.getMessage().setBody(List.of(ann));
                    exchange.getMessage().setHeaders(Map.of(LucidScimConstants.RESOURCE_ID, group));
                }));

        assertThat(results).allSatisfy(result -> assertThat(result.getException()).isNull());
        assertThat(lucid.user(ann).orElseThrow().path("active").asBoolean()).isFalse();
        assertThat(lucid.group(group).orElseThrow().path("members").findValuesAsText("value")).containsExactly(ben);
    }
}
