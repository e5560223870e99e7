package dev.lucidscim.camel.audit;

import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.model.ScimJson;
import org.apache.camel.ProducerTemplate;

/**
 * The {@code auditEndpoint}: each record, as one line of JSON (ending with a line feed, so that a
 * {@code file:...?fileExist=Append} holds one record a line), sent to a Camel endpoint.
 */
public final class AuditEndpointSink {

    private final ProducerTemplate template;
    private final String endpointUri;

    public AuditEndpointSink(ProducerTemplate template, String endpointUri) {
        this.template = template;
        this.endpointUri = endpointUri;
    }

    /** @throws org.apache.camel.CamelExecutionException when the endpoint failed */
    public void send(AuditRecord record) {
        template.sendBody(endpointUri, ScimJson.toJson(record) + "\n");
    }
}
