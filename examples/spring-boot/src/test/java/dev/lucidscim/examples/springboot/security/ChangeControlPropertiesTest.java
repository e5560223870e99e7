package dev.lucidscim.examples.springboot.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The page's people are checked at start: a clear message naming the property, never the hash or a password. */
class ChangeControlPropertiesTest {

    static final String HASH = new BCryptPasswordEncoder(4).encode("a-password-of-the-test");

    private static ChangeControlProperties people(String name, String hash, ChangeControlRole... roles) {
        return new ChangeControlProperties(List.of(
                new ChangeControlProperties.PageUser("ana", HASH, Set.of(ChangeControlRole.APPROVER)),
                new ChangeControlProperties.PageUser(name, hash, Set.of(roles))));
    }

    @Test
    void aBcryptHashWithARoleIsTaken() {
        assertThat(people("vic", HASH, ChangeControlRole.VIEWER).users()).hasSize(2);
    }

    @Test
    void aPasswordInsteadOfItsHashIsRefusedWithoutShowingIt() {
        assertThatIllegalStateException().isThrownBy(() -> people("vic", "secret-password-1",
                        ChangeControlRole.VIEWER))
                .withMessageStartingWith("change-control.users[1].password-hash (user vic) is not a BCrypt hash")
                .withMessageNotContaining("secret-password-1");
        assertThatIllegalStateException().isThrownBy(() -> people("vic", "{noop}" + HASH, ChangeControlRole.VIEWER))
                .withMessageStartingWith("change-control.users[1].password-hash");
    }

    @Test
    void aUserWithoutNameOrRoleIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> people(" ", HASH, ChangeControlRole.VIEWER))
                .withMessage("change-control.users[1].name is not set");
        assertThatIllegalStateException().isThrownBy(() -> people("vic", HASH))
                .withMessage("change-control.users[1].roles (user vic) is empty: give VIEWER or APPROVER");
    }

    @Test
    void theHashIsNotInTheUsersText() {
        assertThat(people("vic", HASH, ChangeControlRole.VIEWER).users().get(1).toString())
                .isEqualTo("PageUser[name=vic, roles=[VIEWER]]").doesNotContain(HASH);
    }
}
