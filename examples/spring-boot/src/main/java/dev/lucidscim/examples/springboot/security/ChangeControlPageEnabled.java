package dev.lucidscim.examples.springboot.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The change-control page exists only when at least one person is configured for it
 * ({@code change-control.users[0].name}, from a file or {@code CHANGE_CONTROL_USERS_0_NAME}): a service that only
 * takes the HR webhook opens no login form.
 */
public class ChangeControlPageEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("change-control.users[0].name", String.class).isBound();
    }
}
