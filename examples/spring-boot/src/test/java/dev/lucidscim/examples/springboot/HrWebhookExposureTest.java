package dev.lucidscim.examples.springboot;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service shows to whom, and where: the health status to anyone, its details only to the monitoring user,
 * no change-control page unless people are configured for it, and the HTTP port on loopback unless configured
 * otherwise.
 */
class HrWebhookExposureTest extends WebhookServiceTestSupport {

    @Autowired
    WebServerApplicationContext server;
    @Autowired
    Environment environment;

    @Test
    void anAnonymousCallerSeesOnlyTheHealthStatus() throws Exception {
        for (String path : new String[] { "health", "health/readiness", "health/liveness" }) {
            HttpResponse<String> health = actuator(path, null);

            assertThat(health.statusCode()).as(path + ": " + health.body()).isEqualTo(200);
            assertThat(json(health).path("status").asText()).as(path).isEqualTo("UP");
            assertThat(json(health).has("components")).as(path + ": " + health.body()).isFalse();
            assertThat(json(health).has("details")).as(path + ": " + health.body()).isFalse();
            assertThat(health.body()).as(path).doesNotContain(LUCID.baseUrl());
        }
    }

    @Test
    void theDetailsNeedTheMonitoringPassword() throws Exception {
        HttpResponse<String> wrong = actuator("health", MONITORING_PASSWORD + "-wrong");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(LUCID.baseUrl());
        assertThat(json(actuator("health", MONITORING_PASSWORD)).has("components")).isTrue();
    }

    /** No change-control.users here: no login form, no page, for anyone. */
    @Test
    void theChangeControlPageIsOffWithoutItsUsers() throws Exception {
        for (String path : new String[] { "/login", "/change-control/runs", "/change-control/plans" }) {
            HttpResponse<String> off = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(off.statusCode()).as(path).isEqualTo(401);
            assertThat(off.body()).as(path).doesNotContain("form");
        }
    }

    @Test
    void theServiceListensOnLoopbackByDefault() {
        Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getService().findConnectors()[0];
        InetAddress bound = ((AbstractProtocol<?>) connector.getProtocolHandler()).getAddress();

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(bound).isNotNull();
        assertThat(bound.isLoopbackAddress()).as(bound.toString()).isTrue();
    }
}
