package dev.lucidscim.examples.hr;

import java.util.List;

/** A line of the HR export that cannot be provisioned, with the reasons, as read. */
public record RejectedRow(long line, List<String> values, String reason) {
}
