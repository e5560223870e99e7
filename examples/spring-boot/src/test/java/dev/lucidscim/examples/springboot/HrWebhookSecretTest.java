package dev.lucidscim.examples.springboot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service does not start without a webhook secret of at least 32 bytes, and does not show the one it got. */
class HrWebhookSecretTest {

    private static final String SHORT_SECRET = "only-31-bytes-of-a-secret-3f9a1";

    @ParameterizedTest
    @CsvSource({ "'', is not set", SHORT_SECRET + ", shorter than 32 bytes" })
    void theServiceRefusesToStartWithoutAStrongEnoughSecret(String secret, String reason) {
        SpringApplicationBuilder service = new SpringApplicationBuilder(WebhookProvisioningApplication.class);

        // command-line arguments: above HR_WEBHOOK_SECRET, should the environment hold one
        assertThatThrownBy(() -> service.run("--hr.webhook.secret=" + secret, "--server.port=0",
                "--camel.component.lucid-scim.tenant-url=http://127.0.0.1:9/scim/v2",
                "--camel.component.lucid-scim.bearer-token=never-used-token"))
                .rootCause().hasMessageContaining("HR_WEBHOOK_SECRET").hasMessageContaining(reason)
                .hasMessageNotContaining(SHORT_SECRET);
    }
}
