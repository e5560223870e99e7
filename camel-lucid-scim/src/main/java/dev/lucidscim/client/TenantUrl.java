package dev.lucidscim.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SCIM base URL of a Lucid tenant ({@code https://users.lucid.app/scim/v2} by default; GovSuite tenants have
 * their own). Plain {@code http://} is refused unless the host is loopback (the simulator, tests) or insecure HTTP is
 * explicitly allowed: the bearer token must not cross a network in clear text.
 */
public final class TenantUrl {

    public static final String LUCID_DEFAULT = "https://users.lucid.app/scim/v2";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** As {@link URI#getHost()} gives it: in brackets. */
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:]*:[0-9a-fA-F:]*]");

    private final URI base;
    private final boolean insecureHttpAllowed;

    private TenantUrl(URI base, boolean insecureHttpAllowed) {
        this.base = base;
        this.insecureHttpAllowed = insecureHttpAllowed;
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
        return new TenantUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path), allowInsecureHttp);
    }

    /** Resolves an already-encoded path (starting with {@code /}) and query (or null) against the base URL. */
    URI resolve(String encodedPath, String encodedQuery) {
        return URI.create(base + encodedPath + (encodedQuery == null || encodedQuery.isEmpty() ? "" : "?" + encodedQuery));
    }

    /** Host and, when the URL names one, port: what the component shows of a tenant (never a path or credentials). */
    public String hostAndPort() {
        return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    public boolean isHttps() {
        return base.getScheme().equals("https");
    }

    /**
     * Whether requests may go in clear text through a proxy: only with allowInsecureHttp. Loopback {@code http://}
     * is safe because it never leaves the machine; through a proxy it would, so the token would cross the network.
     */
    boolean mayUseProxy() {
        return isHttps() || insecureHttpAllowed;
    }

    /** The base URL, for checks that need it whole (a proxy selector's choice, say). */
    URI uri() {
        return base;
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

    /**
     * Loopback by the literal form of the host only: a name is never resolved, as it could resolve differently by
     * the time of the request (and a name made of hex letters, such as {@code cafe}, must not pass for an address).
     */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                if (Integer.parseInt(ipv4.group(octet)) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        if (!IPV6.matcher(host).matches()) {
            return false;
        }
        try {
            // with a colon, the JDK parses the host as an IPv6 literal or fails: it never looks it up
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
