package dev.lucidscim.camel.springboot;

import java.net.http.HttpClient;
import java.util.Set;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.client.RateBudget;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the component's object options from bean references, as Camel's own starters do:
 * {@code camel.component.lucid-scim.ssl-context-parameters=#lucidTls} (or {@code #bean:lucidTls}) sets the bean named
 * {@code lucidTls}. A value without the {@code #} fails the binding, naming the property: it cannot be anything else.
 */
class LucidScimComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(LucidScimConfiguration.class, HttpClient.class,
            StateRepository.class, RateBudget.class, SSLContextParameters.class, AuditLedger.class);

    private final BeanFactory beans;

    LucidScimComponentConverter(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(BEAN_TYPES.stream().map(type -> new ConvertiblePair(String.class, type))
                .toArray(ConvertiblePair[]::new));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().strip();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("Expected a bean reference such as #myBean or #bean:myBean for a "
                                               + targetType.getType().getSimpleName());
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return beans.getBean(name, targetType.getType());
    }
}
