package dev.lucidscim.examples.springboot.security;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static dev.lucidscim.examples.springboot.security.ChangeControlRole.APPROVER;
import static dev.lucidscim.examples.springboot.security.ChangeControlRole.VIEWER;

/**
 * The change-control page's own filter chain, for people in a browser: form login against the users of {@code
 * change-control.users} (BCrypt only, and nobody else: not the monitoring user), a session cookie, and so CSRF
 * tokens on every form. Reading needs {@code VIEWER} or {@code APPROVER}; every POST (approve, reject, revert) needs
 * {@code APPROVER}, else 403. Only when people are configured ({@link ChangeControlPageEnabled}); the webhook's and
 * the actuator's chains ({@link WebhookSecurityConfiguration}) are not touched by it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ChangeControlPageEnabled.class)
@EnableConfigurationProperties(ChangeControlProperties.class)
public class ChangeControlSecurityConfiguration {

    public static final String PAGE = "/change-control";
    public static final String LOGIN = "/login";

    /** Nothing but this service's own styles and forms: an injected script or a foreign form target does not run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain changeControlPage(HttpSecurity http, ChangeControlProperties people) throws Exception {
        return http.securityMatcher(PAGE + "/**", LOGIN, "/logout")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, LOGIN, PAGE + "/style.css").permitAll()
                        .requestMatchers(HttpMethod.POST, PAGE + "/**").hasRole(APPROVER.name())
                        .requestMatchers(HttpMethod.GET, PAGE + "/**").hasAnyRole(VIEWER.name(), APPROVER.name())
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl(PAGE + "/plans"))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN + "?logout"))
                .authenticationManager(new ProviderManager(passwordCheck(people.users())))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        CONTENT_SECURITY_POLICY)))
                .build();
    }

    private static DaoAuthenticationProvider passwordCheck(List<ChangeControlProperties.PageUser> users) {
        List<UserDetails> people = users.stream().map(user -> User.withUsername(user.name())
                .password(user.passwordHash())
                .authorities(user.roles().stream().map(ChangeControlRole::authority).toArray(String[]::new))
                .build()).toList();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(people));
        provider.setPasswordEncoder(new BCryptPasswordEncoder());
        return provider;
    }
}
