package dev.lucidscim.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SCIM base URL of a Lucid tenant ({@code https://users.lucid.app/scim/v2} by default; GovSuite tenants have
 * their own). Plain {@code http://} is refused unless the host is loopback (the simulator, tests) or insecure HTTP is
 * explicitly allowed: the bearer token must not cross a network in clear text.
 */
public final class TenantUrl {

    public static final String LUCID_DEFAULT = "https://users.lucid.app/scim/v2";

    private final URI base;

    private TenantUrl(URI base) {
        this.base = base;
    }

    public static TenantUrl of(String url, boolean allowInsecureHttp) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("tenantUrl is empty: use " + LUCID_DEFAULT
                                               + " or your tenant's own SCIM base URL");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("tenantUrl '" + url + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("tenantUrl '" + url + "' must be an absolute https:// URL, such as "
                                               + LUCID_DEFAULT);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("tenantUrl '" + url
                                               + "' must not contain user info, a query or a fragment");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("tenantUrl '" + url + "' uses plain http:// to a non-loopback host, "
                                               + "which would send the bearer token in clear text: use https:// "
                                               + "(or set allowInsecureHttp=true for a trusted test network)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new TenantUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    /** Resolves an already-encoded path (starting with {@code /}) and query (or null) against the base URL. */
    URI resolve(String encodedPath, String encodedQuery) {
        return URI.create(base + encodedPath + (encodedQuery == null || encodedQuery.isEmpty() ? "" : "?" + encodedQuery));
    }

    public boolean isHttps() {
        return base.getScheme().equals("https");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantUrl url && url.base.equals(base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked: a name could resolve differently later.
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
