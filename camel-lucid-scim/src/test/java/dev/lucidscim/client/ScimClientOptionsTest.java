package dev.lucidscim.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The member removal form of the client's options: Lucid's by default, and never left unsaid. */
class ScimClientOptionsTest {

    @Test
    void membersAreRemovedInLucidsFormUnlessTheRfcsIsAskedFor() {
        assertThat(ScimClientOptions.DEFAULT.memberRemoval()).isEqualTo(MemberRemoval.VALUE_LIST);
        assertThat(new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 1, 5).memberRemoval())
                .isEqualTo(MemberRemoval.VALUE_LIST);
    }

    @Test
    void aMissingMemberRemovalFormIsRefusedSayingWhichToGive() {
        assertThatThrownBy(() -> new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 1, 5, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VALUE_LIST for Lucid, VALUE_FILTER for a server that follows RFC 7644");
    }
}
