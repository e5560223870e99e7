package dev.lucidscim.camel.springboot;

import dev.lucidscim.camel.LucidScimComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.lucid-scim.*} to the lucid-scim component, whether Camel creates it or the
 * application defines it as a bean: a {@link ComponentCustomizer} sets the options that are set, and only those.
 * {@code camel.component.lucid-scim.enabled=false} turns this off; so does
 * {@code camel.component.lucid-scim.customizer.enabled=false}, for an application that configures its component bean
 * itself. With the actuator on the classpath, the bearer token and proxy credentials are masked on its endpoints, and so
 * is any property whose value holds the configured token or proxy password; with Micrometer, the component's counts
 * are meters ({@link LucidScimMeterBinder}).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.lucid-scim"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, LucidScimComponentConfiguration.class})
public class LucidScimComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureLucidScimComponent(CamelContext camelContext,
                                                           ApplicationContext applicationContext,
                                                           LucidScimComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                LucidScimOptionBinder.bind(camelContext, (LucidScimComponent) target, configuration.setOptions());
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof LucidScimComponent
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.lucid-scim.customizer");
            }
        };
    }

    /** Static: property binding needs it before this configuration is created. */
    @Bean
    @ConfigurationPropertiesBinding
    static LucidScimComponentConverter lucidScimComponentConverter(BeanFactory beans) {
        return new LucidScimComponentConverter(beans);
    }

    /** With Micrometer on the classpath: Spring Boot binds the meters to every registry it has. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {

        @Bean
        LucidScimMeterBinder lucidScimMeterBinder(CamelContext camelContext) {
            return new LucidScimMeterBinder(camelContext);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class ActuatorMasking {

        @Bean
        org.springframework.boot.actuate.endpoint.SanitizingFunction lucidScimSecrets(
                LucidScimComponentConfiguration properties) {
            return LucidScimSecrets.sanitizingFunction(properties);
        }
    }
}
