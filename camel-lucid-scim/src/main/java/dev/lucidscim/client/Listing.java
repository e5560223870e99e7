package dev.lucidscim.client;

/**
 * What reading one listing came to ({@link ScimResourceClient#list}).
 *
 * @param requests the page requests made
 * @param capped   whether the listing reached Lucid's cap on a filtered query ({@link FilteredResultCap}): then it
 *                 may miss matches, and is not complete
 */
public record Listing(int requests, boolean capped) {
}
