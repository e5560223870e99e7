package dev.lucidscim.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The member removal and PATCH forms of the client's options: defaults, and never left unsaid. */
class ScimClientOptionsTest {

    @Test
    void membersAreRemovedInLucidsFormUnlessTheRfcsIsAskedFor() {
        assertThat(ScimClientOptions.DEFAULT.memberRemoval()).isEqualTo(MemberRemoval.VALUE_LIST);
        assertThat(new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 1, 5).memberRemoval())
                .isEqualTo(MemberRemoval.VALUE_LIST);
    }

    @Test
    void aMissingMemberRemovalFormIsRefusedSayingWhichToGive() {
        assertThatThrownBy(() -> new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 1, 5, null,
                PatchForm.RFC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VALUE_LIST for Lucid, VALUE_FILTER for a server that follows RFC 7644");
    }

    @Test
    void patchesAreSentInTheRfcsFormUnlessLucidsIsAskedFor() {
        assertThat(ScimClientOptions.DEFAULT.patchForm()).isEqualTo(PatchForm.RFC);
        assertThat(new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 1, 5).patchForm())
                .isEqualTo(PatchForm.RFC);
        assertThatThrownBy(() -> new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 1, 5,
                MemberRemoval.VALUE_LIST, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC, or LUCID for the form of Lucid's examples");
    }
}
