package dev.lucidscim.camel.hardening;

import dev.lucidscim.client.TenantUrl;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Plain {@code http://} carries the bearer token in clear text, so it is allowed to loopback hosts only: localhost,
 * 127.0.0.0/8 and ::1 written as literals. Hosts that only look like loopback ({@code localhost.evil.example},
 * {@code 127.0.0.1.nip.io}), names made of hex letters, which the JDK would look up, and every other address are
 * refused.
 */
class HostileTenantUrlsTest {

    @Property(tries = 300)
    void loopbackHostsMayUsePlainHttp(@ForAll("loopbackHosts") String host) {
        assertThat(TenantUrl.of("http://" + host + ":8080/scim/v2", false).isHttps()).isFalse();
    }

    @Property(tries = 500)
    void otherHostsMayNot(@ForAll("otherHosts") String host) {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantUrl.of("http://" + host + ":8080/scim/v2", false))
                .withMessageContaining(host);
    }

    @Provide
    Arbitrary<String> loopbackHosts() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> ipv4 = Combinators.combine(octet, octet, octet)
                .as((b, c, d) -> "127." + b + "." + c + "." + d);
        Arbitrary<String> localhost = Arbitraries.of("localhost", "LOCALHOST", "LocalHost");
        Arbitrary<String> ipv6 = Arbitraries.of("[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]", "[::0:1]");
        return Arbitraries.oneOf(ipv4, localhost, ipv6);
    }

    @Provide
    Arbitrary<String> otherHosts() {
        Arbitrary<String> piece = Arbitraries.of("localhost", "127.0.0.1", "127", "0", "1", "255", ".", "-", "evil",
                "example", "nip.io", "cafe", "dead", "beef", "0x7f", "lucid.app");
        Arbitrary<String> names = piece.list().ofMinSize(1).ofMaxSize(5).map(list -> String.join("", list))
                .filter(name -> !name.equalsIgnoreCase("localhost") && !name.matches("127\\.\\d+\\.\\d+\\.\\d+"));
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> ipv4 = Combinators.combine(Arbitraries.integers().between(0, 255).filter(a -> a != 127),
                octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> hexNames = Arbitraries.strings().withChars("abcdef").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> ipv6 = Arbitraries.of("[::]", "[::2]", "[fe80::1]", "[2001:db8::1]", "[::ffff:a00:1]");
        return Arbitraries.oneOf(names, ipv4, hexNames, ipv6);
    }
}
