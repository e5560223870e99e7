package dev.lucidscim.camel;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule between enum constants and the names users write: {@code ADD_MEMBERS} is {@code addMembers}, and
 * Camel's own converter (what binds URI and configuration options) reads every such name back to its constant.
 */
class EnumNamesTest {

    private static final List<Class<? extends Enum<?>>> COMPONENT_ENUMS = List.of(LucidScimOperation.class,
            LucidScimOutcome.class, LucidScimResource.class, LucidScimChangeType.class, LucidScimConsumerMode.class,
            LucidScimManagedUsers.class, LucidScimMatchAttribute.class);

    @Test
    void aConstantIsWrittenInLowerCamelCase() {
        assertThat(LucidScimOperation.ADD_MEMBERS).hasToString("addMembers");
        assertThat(LucidScimOperation.GET).hasToString("get");
        assertThat(LucidScimManagedUsers.WITH_EXTERNAL_ID).hasToString("withExternalId");
        assertThat(LucidScimMatchAttribute.USER_NAME.attribute()).isEqualTo("userName");
        assertThat(LucidScimOutcome.MEMBERS_REMOVED).hasToString("membersRemoved");
        assertThat(LucidScimResource.GROUPS).hasToString("groups");
    }

    @Test
    void aNameIsFoundInAnyCaseAndAsTheConstant() {
        assertThat(LucidScimOperation.fromName(" addmembers ")).isEqualTo(LucidScimOperation.ADD_MEMBERS);
        assertThat(LucidScimOperation.fromName("ADD_MEMBERS")).isEqualTo(LucidScimOperation.ADD_MEMBERS);
        assertThat(LucidScimOperation.fromName("addMember")).isNull();
        assertThat(LucidScimOutcome.ofHeader("membersAdded")).isEqualTo(LucidScimOutcome.MEMBERS_ADDED);
    }

    @Test
    void camelsConverterReadsEveryNameBackToItsConstant() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            for (Class<? extends Enum<?>> type : COMPONENT_ENUMS) {
                for (Enum<?> constant : type.getEnumConstants()) {
                    assertThat(context.getTypeConverter().mandatoryConvertTo(type, constant.toString()))
                            .as(type.getSimpleName() + " " + constant).isSameAs(constant);
                }
            }
        }
    }
}
