package dev.lucidscim.examples.springboot.security;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what. {@code /api/**} (the webhook): only requests signed by the HR system ({@link
 * SignedRequestVerifier}), and no request body larger than {@code hr.webhook.max-body-size}. The change-control page,
 * when on: {@link ChangeControlSecurityConfiguration}. The actuator's health: its status to anyone (probes, load
 * balancers), its details only to the monitoring user ({@code management.endpoint.health.roles}); every other
 * actuator endpoint to the monitoring user only; anything else to no one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HrWebhookProperties.class, MonitoringProperties.class})
public class WebhookSecurityConfiguration {

    static final String ACTUATOR_ROLE = "ACTUATOR";
    static final String HR_EVENTS = "/api";

    /**
     * Ahead of Spring Security's filter, so that the signature check only ever reads a bounded body. On the webhook
     * only: it reads the body itself, which would hide a form's parameters from the change-control page (whose form
     * posts Tomcat bounds, {@code server.tomcat.max-http-form-post-size}).
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(HrWebhookProperties webhook) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(Math.toIntExact(webhook.maxBodySize().toBytes())));
        registration.addUrlPatterns(HR_EVENTS + "/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain hrEvents(HttpSecurity http, HrWebhookProperties webhook) throws Exception {
        AuthenticationEntryPoint signatureRequired = new SignatureRequiredEntryPoint();
        SignedRequestVerifier verifier = new SignedRequestVerifier(webhook.signingKey(),
                webhook.signatureTolerance(), Clock.systemUTC());
        return http.securityMatcher(HR_EVENTS + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(SignedRequest.HR_SYSTEM_ROLE))
                .addFilterAt(new SignedRequestAuthenticationFilter(new ProviderManager(verifier), signatureRequired),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(failures -> failures.authenticationEntryPoint(signatureRequired))
                // CSRF abuses credentials a browser attaches by itself (cookies, Basic). Here each request proves
                // itself with a signature over its own body, which a page on another site cannot compute, and there
                // is no session to ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** Last: it takes every request the chains before it (the webhook, the change-control page) do not. */
    @Bean
    @Order(3)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ACTUATOR_ROLE)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The monitoring user, or none without a password. Defined here so that Spring Boot does not make up a user of
     * its own and print its password to the log.
     */
    @Bean
    UserDetailsService monitoringUser(MonitoringProperties monitoring, PasswordEncoder passwords) {
        if (!monitoring.hasPassword()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(monitoring.user())
                .password(passwords.encode(monitoring.password())).roles(ACTUATOR_ROLE).build());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
