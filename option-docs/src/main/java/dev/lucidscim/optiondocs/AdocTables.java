package dev.lucidscim.optiondocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;

/**
 * The adoc's option and header tables, rendered from the catalog. Options come in three tables: those of the
 * component (as the default of its endpoints) and of each endpoint, those of an endpoint only (the URI path and
 * Camel's polling options), those of the component only. Rows are grouped as the catalog groups them (common,
 * consumer, producer, advanced...), in its order. A description is shown as plain text: no character of it is read as
 * AsciiDoc markup, so a description is written once, for the catalog, the IDE and this table alike.
 */
final class AdocTables {

    private AdocTables() {
    }

    static String options(ComponentModel model) {
        Set<String> endpointNames = names(model.getEndpointParameterOptions());
        Set<String> componentNames = names(model.getComponentOptions());
        // an option of both is described as the endpoint describes it: the URI is where most set it
        List<BaseOptionModel> both = model.getEndpointParameterOptions().stream()
                .filter(option -> componentNames.contains(option.getName())).collect(Collectors.toList());
        List<BaseOptionModel> endpointOnly = new ArrayList<>(model.getEndpointPathOptions());
        model.getEndpointParameterOptions().stream().filter(option -> !componentNames.contains(option.getName()))
                .forEach(endpointOnly::add);
        List<BaseOptionModel> componentOnly = model.getComponentOptions().stream()
                .filter(option -> !endpointNames.contains(option.getName())).collect(Collectors.toList());
        return optionTable("On the component (as the default of its endpoints) and on each endpoint", both)
               + "\n" + optionTable("On each endpoint only", endpointOnly)
               + "\n" + optionTable("On the component only", componentOnly);
    }

    static String headers(ComponentModel model) {
        StringBuilder table = new StringBuilder()
                .append("[width=\"100%\",cols=\"3,1,5\",options=\"header\"]\n|===\n| Header | Type | Description\n");
        for (List<? extends BaseOptionModel> group : byGroup(model.getEndpointHeaders())) {
            table.append('\n').append(groupRow(3, group.get(0)));
            for (BaseOptionModel header : group) {
                table.append("| `").append(header.getName()).append("` | ")
                        .append(code(JavaTypes.simpleName(header.getJavaType()))).append(" | ")
                        .append(description(header)).append('\n');
            }
        }
        return table.append("|===\n").toString();
    }

    private static String optionTable(String title, List<BaseOptionModel> options) {
        StringBuilder table = new StringBuilder().append('.').append(title).append('\n')
                .append("[width=\"100%\",cols=\"2,1,1,5\",options=\"header\"]\n|===\n")
                .append("| Option | Type | Default | Description\n");
        for (List<BaseOptionModel> group : byGroup(options)) {
            table.append('\n').append(groupRow(4, group.get(0)));
            for (BaseOptionModel option : group) {
                table.append("| `").append(option.getName()).append('`').append(option.isSecret() ? " (secret)" : "")
                        .append(" | ").append(type(option)).append(" | ").append(defaultValue(option)).append(" | ")
                        .append(description(option)).append('\n');
            }
        }
        return table.append("|===\n").toString();
    }

    /** The options by group, groups in the order they first come, each keeping the catalog's order. */
    private static <T extends BaseOptionModel> List<List<T>> byGroup(List<T> options) {
        List<List<T>> groups = new ArrayList<>();
        for (T option : options) {
            groups.stream().filter(group -> Objects.equals(group.get(0).getGroup(), option.getGroup())).findFirst()
                    .ifPresentOrElse(group -> group.add(option), () -> groups.add(new ArrayList<>(List.of(option))));
        }
        return groups;
    }

    private static String groupRow(int columns, BaseOptionModel first) {
        String group = first.getGroup() == null || first.getGroup().isEmpty() ? "common" : first.getGroup();
        return columns + "+| *" + group.substring(0, 1).toUpperCase(Locale.ROOT) + group.substring(1) + "*\n";
    }

    private static String type(BaseOptionModel option) {
        return "object".equals(option.getType()) ? code(JavaTypes.simpleName(option.getJavaType())) : option.getType();
    }

    private static String defaultValue(BaseOptionModel option) {
        Object value = option.getDefaultValue();
        if (value != null && !value.toString().isEmpty()) {
            return code(value.toString());
        }
        return option.isRequired() ? "required" : "";
    }

    private static String description(BaseOptionModel option) {
        String text = Descriptions.of(option);
        if (option.getEnums() != null && !option.getEnums().isEmpty()) {
            text += " Values: " + String.join(", ", option.getEnums()) + ".";
        }
        return plain(text);
    }

    /** Monospace, read literally (a URL stays text, not a link). */
    private static String code(String text) {
        return "`+" + text + "+`";
    }

    /**
     * As plain text: a passthrough that only escapes HTML's special characters. A closing bracket would end the
     * passthrough and a bar the table cell, so both are escaped (AsciiDoc takes the backslash away again).
     */
    static String plain(String text) {
        return text.isEmpty() ? "" : "pass:c[" + text.replace("]", "\\]").replace("|", "\\|") + "]";
    }

    private static Set<String> names(List<? extends BaseOptionModel> options) {
        return options.stream().map(BaseOptionModel::getName).collect(Collectors.toSet());
    }
}
