package dev.lucidscim.camel.hardening;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.stream.Stream;

import dev.lucidscim.client.TenantUrl;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lucidscim.camel.hardening.Generator.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Plain {@code http://} carries the bearer token in clear text, so it is allowed to loopback hosts only: localhost,
 * 127.0.0.0/8 and ::1 written as literals. Hosts that only look like loopback ({@code localhost.evil.example},
 * {@code 127.0.0.1.nip.io}), names made of hex letters, which the JDK would look up, and every other address are
 * refused.
 */
class HostileTenantUrlsTest {

    @ParameterizedTest
    @MethodSource("loopbackHosts")
    void loopbackHostsMayUsePlainHttp(String host) {
        assertThat(TenantUrl.of("http://" + host + ":8080/scim/v2", false).isHttps()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("otherHosts")
    void otherHostsMayNot(String host) {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantUrl.of("http://" + host + ":8080/scim/v2", false))
                .withMessageContaining(host).withMessageContaining("plain http:// to a non-loopback host");
    }

    static Stream<Named<String>> loopbackHosts() {
        Generator<Integer> octet = Generator.integers(0, 255);
        Generator<String> ipv4 = random -> "127." + octet.next(random) + "." + octet.next(random) + "."
                                           + octet.next(random);
        Generator<String> localhost = Generator.of("localhost", "LOCALHOST", "LocalHost");
        Generator<String> ipv6 = Generator.of("[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]", "[::0:1]");
        return Generator.samples("loopbackHosts", Generator.frequency(weight(1, ipv4), weight(1, localhost),
                weight(1, ipv6)), 300);
    }

    /** A host the URL parser accepts, so that only the plain-http rule can refuse it. */
    private static boolean isHostName(String name) {
        try {
            return new URI("http://" + name + ":8080/scim/v2").getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static Stream<Named<String>> otherHosts() {
        Generator<String> piece = Generator.of("localhost", "127.0.0.1", "127", "0", "1", "255", ".", "-", "evil",
                "example", "nip.io", "cafe", "dead", "beef", "0x7f", "lucid.app");
        Generator<String> names = Generator.concat(piece, 1, 5)
                .filter(name -> !name.equalsIgnoreCase("localhost") && !name.matches("127\\.\\d+\\.\\d+\\.\\d+"))
                .filter(HostileTenantUrlsTest::isHostName);
        Generator<Integer> octet = Generator.integers(0, 255);
        Generator<Integer> notLoopback = octet.filter(first -> first != 127);
        Generator<String> ipv4 = random -> notLoopback.next(random) + "." + octet.next(random) + "."
                                           + octet.next(random) + "." + octet.next(random);
        Generator<String> hexNames = Generator.strings("abcdef", 1, 12);
        Generator<String> ipv6 = Generator.of("[::]", "[::2]", "[fe80::1]", "[2001:db8::1]", "[::ffff:a00:1]");
        return Generator.samples("otherHosts", Generator.frequency(weight(1, names), weight(1, ipv4),
                weight(1, hexNames), weight(1, ipv6)), 500);
    }
}
