package dev.lucidscim.examples.hr;

import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;

/**
 * What both modes of the HR feed share: the inbox route's start (each CSV export dropped in the folder, moved to
 * {@code .done} or {@code .failed}, a failed file told to the listener, an {@link Error} of any step made a failure
 * too) and reading the export it holds.
 */
final class HrInbox {

    private HrInbox() {
    }

    static ProcessorDefinition<?> from(RouteBuilder routes, HrSettings settings, String routeId,
                                       HrFeedListener<?> listener) {
        routes.getContext().getCamelContextExtension().addInterceptStrategy(new ErrorsAsFailures());
        return routes.from("file:" + settings.inbox() + "?include=.*\\.csv&move=.done/${file:name}"
                           + "&moveFailed=.failed/${file:name}&readLock=changed&readLockMinAge=500&initialDelay=0")
                .routeId(routeId)
                .onCompletion().onFailureOnly()
                    .process(exchange -> listener.fileFailed(fileName(exchange), failureOf(exchange)))
                .end();
    }

    static HrExport read(Exchange exchange) throws Exception {
        return HrCsvReader.read(fileName(exchange), exchange.getMessage().getMandatoryBody(InputStream.class));
    }

    private static String fileName(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    }

    private static Exception failureOf(Exchange exchange) {
        Exception failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}
