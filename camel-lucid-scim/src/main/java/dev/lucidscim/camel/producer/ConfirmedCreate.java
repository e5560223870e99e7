package dev.lucidscim.camel.producer;

import java.util.function.Function;

import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;

/**
 * A create that survives a lost answer without creating twice. When the connection fails after the POST may have
 * reached Lucid, the resource is looked up by its unique name: if it is there with the attributes sent, Lucid
 * committed the create and that is the result; if it is not there, the create is sent once more, and a 409 to that
 * replay is "created by us" only if the resource found then has the attributes sent. Anything else is reported as it
 * is, never guessed. A replay whose answer is lost too is treated the same way, up to {@value #MAX_REPLAYS} replays.
 */
public final class ConfirmedCreate<T extends ScimResource> {

    /** Replays after a lost answer: each follows a look-up that found nothing. */
    private static final int MAX_REPLAYS = 2;

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
        ScimTransportException lostAnswer;
        try {
            return client.create(desired);
        } catch (ScimTransportException e) {
            if (!e.mayHaveReachedServer()) {
                throw e;
            }
            lostAnswer = e;
        }
        for (int replay = 1; replay <= MAX_REPLAYS; replay++) {
            T existing = lookUpAfter(lostAnswer, desired);
            if (existing != null) {
                return confirmed(existing, desired, lostAnswer);
            }
            try {
                return client.create(desired);
            } catch (ScimConflictException conflictOnReplay) {
                T found = lookUpAfter(conflictOnReplay, desired);
                if (found != null) {
                    return confirmed(found, desired, conflictOnReplay);
                }
                throw conflictOnReplay;
            } catch (ScimTransportException e) {
                if (!e.mayHaveReachedServer()) {
                    throw e;
                }
                lostAnswer = e;
            }
        }
        T existing = lookUpAfter(lostAnswer, desired);
        if (existing != null) {
            return confirmed(existing, desired, lostAnswer);
        }
        throw new ScimTransportException("The create of " + uniqueAttribute + " '" + uniqueValue.apply(desired)
                                         + "' lost its answer " + (MAX_REPLAYS + 1) + " times and Lucid did not show it "
                                         + "when looked up afterwards, so it was not created, unless a request still "
                                         + "in Lucid's hands completes later: send it again as an upsert, which finds "
                                         + "it if it was", true, lostAnswer.getRequest(), lostAnswer);
    }

    /** @param cause the failure that left the create's fate open: the request it names is the create's */
    private ScimResponse<T> confirmed(T existing, T desired, ScimException cause) {
        if (!AttributeDiff.between(existing, desired).isEmpty()) {
            throw new ScimConflictException("The answer to the create was lost, and Lucid now holds a " + uniqueAttribute
                                            + " '" + uniqueValue.apply(desired) + "' with other attributes than "
                                            + "the ones sent: it may not be this create's doing, so it was left as "
                                            + "it is", ScimConflictException.Kind.DUPLICATE_IN_ACCOUNT,
                    cause.getRequest(), cause);
        }
        return new ScimResponse<>(201, existing, null, null);
    }

    /**
     * The resource with the desired unique value, or null. A failed look-up (two resources holding the value
     * included) leaves the create's fate unknown, and says so: the look-up's failure alone would hide that Lucid may
     * hold the resource.
     */
    private T lookUpAfter(ScimException uncertainCreate, T desired) {
        try {
            return client.findUnique(uniqueAttribute, uniqueValue.apply(desired)).orElse(null);
        } catch (ScimException lookUpFailure) {
            ScimTransportException unknown = new ScimTransportException("The create of " + uniqueAttribute + " '"
                    + uniqueValue.apply(desired) + "' got no usable answer (" + uncertainCreate.getMessage()
                    + ") and looking it up failed too, so Lucid may or may not hold it: send it again as an upsert, "
                    + "which finds it if it is there", true, uncertainCreate.getRequest(), lookUpFailure);
            unknown.addSuppressed(uncertainCreate);
            throw unknown;
        }
    }

}
