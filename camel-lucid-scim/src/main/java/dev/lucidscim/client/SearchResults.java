package dev.lucidscim.client;

import java.util.List;

/**
 * Every resource a query returned ({@link ScimResourceClient#searchAll}).
 *
 * @param capped whether the query reached Lucid's cap on a filtered query ({@link FilteredResultCap}): then
 *               {@code resources} may miss matches
 */
public record SearchResults<T>(List<T> resources, boolean capped) {
}
