package dev.lucidscim.examples.springboot.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code monitoring.*}: the one user, with HTTP Basic, who sees the actuator's health details (Lucid's reachability,
 * the tenant URL, failures). Without a password there is no such user and everyone sees only the status.
 *
 * @param user     the user name ({@code MONITORING_USER}, {@code monitor} by default)
 * @param password the password ({@code MONITORING_PASSWORD})
 */
@ConfigurationProperties(prefix = "monitoring")
public record MonitoringProperties(@DefaultValue("monitor") String user, String password) {

    boolean hasPassword() {
        return password != null && !password.isBlank();
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "MonitoringProperties[user=" + user + "]";
    }
}
