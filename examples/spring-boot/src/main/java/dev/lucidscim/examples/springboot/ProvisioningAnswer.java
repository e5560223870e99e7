package dev.lucidscim.examples.springboot;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The webhook's answer. Provisioned: the event, what Lucid did ({@code created}, {@code updated}, {@code unchanged},
 * {@code deactivated}) and the Lucid id. Refused: the event and the problems, or Lucid's status and message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisioningAnswer(String event, String outcome, String lucidId, Integer lucidStatus,
                                 List<String> problems) {

    static ProvisioningAnswer provisioned(String event, String outcome, String lucidId) {
        return new ProvisioningAnswer(event, outcome, lucidId, null, null);
    }

    static ProvisioningAnswer refused(String event, Integer lucidStatus, List<String> problems) {
        return new ProvisioningAnswer(event, null, null, lucidStatus, problems);
    }
}
