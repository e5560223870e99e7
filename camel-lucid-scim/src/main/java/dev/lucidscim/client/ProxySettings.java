package dev.lucidscim.client;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;

/**
 * An HTTP proxy for the requests to Lucid, with optional credentials. The JDK does not send Basic credentials when
 * tunnelling HTTPS through a proxy unless {@code -Djdk.http.auth.tunneling.disabledSchemes=""} is set.
 */
public record ProxySettings(String host, int port, String username, String password) {

    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxyHost is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxyPort must be between 1 and 65535, not " + port);
        }
    }

    ProxySelector selector() {
        return ProxySelector.of(InetSocketAddress.createUnresolved(host, port));
    }

    /** Answers only the proxy's challenges, never a server's: Lucid is authenticated by the bearer token. */
    Authenticator authenticator() {
        if (username == null || username.isBlank()) {
            return null;
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(username, secret) : null;
            }
        };
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username != null ? ", user=" + username + ", password=****" : "")
               + "]";
    }
}
