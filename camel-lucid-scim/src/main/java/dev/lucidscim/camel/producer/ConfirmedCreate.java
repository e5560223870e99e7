package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.function.Function;

import dev.lucidscim.client.ScimFilter;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;

/**
 * A create that survives a lost answer without creating twice. When the connection fails after the POST may have
 * reached Lucid, the resource is looked up by its unique name: if it is there with the attributes sent, Lucid
 * committed the create and that is the result; if it is not there, the create is sent once more, and a 409 to that
 * replay is "created by us" only if the resource found then has the attributes sent. Anything else is reported as it
 * is, never guessed.
 */
public final class ConfirmedCreate<T extends ScimResource> {

    private final ScimResourceClient<T> client;
    private final String uniqueAttribute;
    private final Function<T, String> uniqueValue;

    /** For users: userName is unique. */
    public static ConfirmedCreate<ScimUser> users(
            ScimResourceClient<ScimUser> users) {
        return new ConfirmedCreate<>(users, "userName", ScimUser::userName);
    }

    /** For groups: displayName is unique. */
    public static ConfirmedCreate<ScimGroup> groups(
            ScimResourceClient<ScimGroup> groups) {
        return new ConfirmedCreate<>(groups, "displayName", ScimGroup::displayName);
    }

    /**
     * @param uniqueAttribute the attribute Lucid keeps unique: userName for users, displayName for groups
     */
    public ConfirmedCreate(ScimResourceClient<T> client, String uniqueAttribute, Function<T, String> uniqueValue) {
        this.client = client;
        this.uniqueAttribute = uniqueAttribute;
        this.uniqueValue = uniqueValue;
    }

    public ScimResponse<T> create(T desired) {
        try {
            return client.create(desired);
        } catch (ScimTransportException lostAnswer) {
            if (!lostAnswer.mayHaveReachedServer()) {
                throw lostAnswer;
            }
            T existing = find(desired);
            if (existing != null) {
                return confirmed(existing, desired, lostAnswer);
            }
            try {
                return client.create(desired);
            } catch (ScimConflictException conflictOnReplay) {
                T found = find(desired);
                if (found != null) {
                    return confirmed(found, desired, conflictOnReplay);
                }
                throw conflictOnReplay;
            }
        }
    }

    private ScimResponse<T> confirmed(T existing, T desired, RuntimeException cause) {
        if (!AttributeDiff.between(existing, desired).isEmpty()) {
            throw new ScimConflictException("The answer to the create was lost, and Lucid now holds a " + uniqueAttribute
                                            + " '" + uniqueValue.apply(desired) + "' with other attributes than "
                                            + "the ones sent: it may not be this create's doing, so it was left as "
                                            + "it is", ScimConflictException.Kind.DUPLICATE_IN_ACCOUNT,
                    new FailedRequest("POST", client.type().path(), 0, null, null), cause);
        }
        return new ScimResponse<>(201, existing, null, null);
    }

    private T find(T desired) {
        List<T> found = client.searchPage(SearchQuery.filtered(ScimFilter.eq(uniqueAttribute,
                uniqueValue.apply(desired)), 2)).resources();
        return found.size() == 1 ? found.get(0) : null;
    }
}
