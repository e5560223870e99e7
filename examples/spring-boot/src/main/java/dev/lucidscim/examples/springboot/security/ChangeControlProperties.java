package dev.lucidscim.examples.springboot.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code change-control.*}: the people who may use the change-control page. Without any, the page is off
 * ({@link ChangeControlPageEnabled}): there is no default user, so no password that works on every installation.
 *
 * @param users each person's name, BCrypt-hashed password and roles
 */
@ConfigurationProperties(prefix = "change-control")
public record ChangeControlProperties(List<PageUser> users) {

    /** {@code $2a$}, {@code $2b$} or {@code $2y$}, the cost, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    public ChangeControlProperties {
        users = users == null ? List.of() : List.copyOf(users);
        for (int i = 0; i < users.size(); i++) {
            users.get(i).check("change-control.users[" + i + "]");
        }
    }

    /**
     * @param name         the login name
     * @param passwordHash the BCrypt hash of the password ({@code htpasswd -nBC 12 "" | tr -d ':\n'} asks for the
     *                     password and prints it), never the password itself
     * @param roles        {@code VIEWER}, {@code APPROVER} or both
     */
    public record PageUser(String name, String passwordHash, Set<ChangeControlRole> roles) {

        public PageUser {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        /** Fails the start naming the property to fix; never shows the hash. */
        void check(String property) {
            if (name == null || name.isBlank()) {
                throw new IllegalStateException(property + ".name is not set");
            }
            if (passwordHash == null || !BCRYPT.matcher(passwordHash).matches()) {
                throw new IllegalStateException(property + ".password-hash (user " + name + ") is not a BCrypt"
                        + " hash: set the hash of the password (htpasswd -nBC 12 \"\" | tr -d ':\\n' prints it),"
                        + " never the password itself");
            }
            if (roles.isEmpty()) {
                throw new IllegalStateException(property + ".roles (user " + name + ") is empty: give VIEWER or"
                        + " APPROVER");
            }
        }

        /** Never the hash. */
        @Override
        public String toString() {
            return "PageUser[name=" + name + ", roles=" + roles + "]";
        }
    }
}
