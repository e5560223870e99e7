package dev.lucidscim.camel;

/** What the consumer emits each poll. Its {@code toString()} is the value of the {@code mode} option. */
public enum LucidScimConsumerMode {
    /** Only what changed since the previous poll, with the kind of change; state is kept between polls. */
    CHANGES,
    /** Every listed resource, each poll; no state is kept. */
    ALL;

    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
