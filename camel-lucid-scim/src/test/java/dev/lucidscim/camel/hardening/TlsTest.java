package dev.lucidscim.camel.hardening;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to Lucid, against self-signed loopback HTTPS servers whose certificates keytool makes at test time: the JVM's
 * trust store refuses them, at once and without a retry; a trust store given as {@code sslContextParameters} (on the
 * component or on the endpoint) is used; and a trusted certificate for another name still fails, on hostname
 * verification, which nothing has turned off.
 */
class TlsTest extends LucidScimTestSupport {

    private static final String PASSWORD = "tls-test-password";
    private static final String USER_PATH = "/scim/v2/Users/lucid-1";
    /** Turns the JDK client's hostname verification off for the whole JVM: it must never be set. */
    private static final String NO_HOSTNAME_VERIFICATION = "jdk.internal.httpclient.disableHostnameVerification";

    @TempDir
    static Path keys;
    private static Path trustStore;
    /** Certificate for localhost and 127.0.0.1. */
    private static WireMockServer lucidTls;
    /** Certificate for other.example only. */
    private static WireMockServer otherName;

    @BeforeAll
    static void startServers() throws Exception {
        Path lucidKeys = keyPair("lucid", "dns:localhost,ip:127.0.0.1");
        Path otherKeys = keyPair("other", "dns:other.example");
        trustStore = trustStoreOf(lucidKeys, otherKeys);
        lucidTls = httpsServer(lucidKeys);
        otherName = httpsServer(otherKeys);
    }

    @AfterAll
    static void stopServers() {
        for (WireMockServer server : new WireMockServer[] { lucidTls, otherName }) {
            if (server != null) {
                server.stop();
            }
        }
    }

    /** A PKCS12 key store with a self-signed EC key pair for the subject alternative names given. */
    private static Path keyPair(String name, String subjectAlternativeNames) throws Exception {
        Path store = keys.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=" + subjectAlternativeNames, "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(keys.resolve(name + ".log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool exit code, see " + name + ".log").isZero();
        return store;
    }

    /** A PKCS12 trust store holding the certificates of the key stores given. */
    private static Path trustStoreOf(Path... keyStores) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (Path keyStore : keyStores) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            String alias = store.aliases().nextElement();
            trusted.setCertificateEntry(alias, store.getCertificate(alias));
        }
        Path file = keys.resolve("trusted.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static WireMockServer httpsServer(Path keyStore) {
        WireMockServer server = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(keyStore.toString()).keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD).keystoreType("PKCS12"));
        server.start();
        server.stubFor(get(USER_PATH).willReturn(HostileLucid.userAnswer()));
        return server;
    }

    private static SSLContextParameters trustingTheTestCertificates() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private Exchange getUser(String host, WireMockServer server, String options) {
        return call("lucid-scim:users?operation=get&tenantUrl=https://" + host + ":" + server.httpsPort()
                    + "/scim/v2" + options, null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));
    }

    /** The call failed in the handshake, for this reason, with advice on the trust store; no request got through. */
    private static void assertHandshakeFailed(Exchange result, WireMockServer server, String reason) {
        assertThat(result.getException()).isExactlyInstanceOf(ScimTransportException.class)
                .hasMessageContaining("TLS with").hasMessageContaining("sslContextParameters")
                .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(result.getException().getCause()).hasMessageContaining(reason);
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).as("requests past the handshake").isEmpty();
    }

    @Test
    void theJvmTrustStoreRefusesASelfSignedCertificateWithoutRetrying() {
        Exchange result;
        try (LogCapture logs = new LogCapture(Level.INFO, "dev.lucidscim.client")) {
            result = getUser("localhost", lucidTls, "");
            assertThat(logs.text()).as("retries logged").doesNotContain("retrying");
        }

        assertHandshakeFailed(result, lucidTls, "PKIX path building failed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "127.0.0.1" })
    void aTrustStoreOnTheEndpointIsUsed(String host) {
        context.getRegistry().bind("lucidTrust", trustingTheTestCertificates());

        Exchange result = getUser(host, lucidTls, "&sslContextParameters=#lucidTrust");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1");
    }

    @Test
    void aTrustStoreOnTheComponentIsUsed() {
        context.getComponent("lucid-scim", LucidScimComponent.class).getConfiguration()
                .setSslContextParameters(trustingTheTestCertificates());

        Exchange result = getUser("localhost", lucidTls, "");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1");
    }

    @Test
    void aTrustedCertificateForAnotherNameFailsOnHostnameVerification() {
        assertThat(System.getProperty(NO_HOSTNAME_VERIFICATION)).as(NO_HOSTNAME_VERIFICATION).isNull();
        context.getRegistry().bind("lucidTrust", trustingTheTestCertificates());

        Exchange result = getUser("localhost", otherName, "&sslContextParameters=#lucidTrust");

        assertHandshakeFailed(result, otherName, "No subject alternative DNS name matching localhost found");
    }
}
