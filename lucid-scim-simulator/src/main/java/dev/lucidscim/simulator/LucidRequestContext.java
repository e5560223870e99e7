package dev.lucidscim.simulator;

import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;

/**
 * The library's request context, carrying the string filter the HTTP layer read itself (see {@link StringEq}), and
 * back from the handler the attribute of a filter Lucid calls "a very slow process" (see
 * {@link LucidFilter#isOptimised}).
 */
final class LucidRequestContext extends Context {

    private final StringEq stringEq;
    private String slowFilterAttribute;

    LucidRequestContext(Authorization authorization, StringEq stringEq) {
        super(authorization);
        this.stringEq = stringEq;
    }

    /** The filter's decoded string comparison, or null when the library's own parse is right. */
    StringEq stringEq() {
        return stringEq;
    }

    void slowFilter(String attribute) {
        slowFilterAttribute = attribute;
    }

    /** The filtered attribute when Lucid does not optimise it; null otherwise. */
    String slowFilterAttribute() {
        return slowFilterAttribute;
    }
}
