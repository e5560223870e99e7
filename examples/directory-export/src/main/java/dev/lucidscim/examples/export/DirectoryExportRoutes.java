package dev.lucidscim.examples.export;

import java.util.List;

import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The export: on every tick of a timer, all of Lucid's users are read (one search, every page) and written to one new
 * file in {@code export.folder}. Lucid lists active users only, so deactivated people are never in the file.
 * <p>
 * A timer and a search stand in for the component's polling consumer until it exists; then
 * {@code from("lucid-scim:users")} replaces both.
 */
public class DirectoryExportRoutes extends RouteBuilder {

    @Override
    public void configure() {
        ExportFormat format = ExportFormat.named(getContext().resolvePropertyPlaceholders("{{export.format}}"));

        from("timer:lucid-directory-export?delay=0&period={{export.period}}&repeatCount={{export.runs}}")
                .routeId("lucid-directory-export")
                .to("lucid-scim:users?operation=search")
                .process(exchange -> writeUsers(exchange, format))
                // written under a temporary name and renamed when complete, so a reader never sees half a file
                .to("file:{{export.folder}}?fileName=lucid-users-${date:now:yyyyMMdd-HHmmss}." + format.extension()
                    + "&tempPrefix=.writing-")
                .log("Exported ${header.CamelLucidScimTotalResults} users to ${header.CamelFileNameProduced}");
    }

    private static void writeUsers(Exchange exchange, ExportFormat format) {
        @SuppressWarnings("unchecked")
        List<ScimUser> users = exchange.getMessage().getBody(List.class);
        exchange.getMessage().setBody(format.write(users));
    }
}
