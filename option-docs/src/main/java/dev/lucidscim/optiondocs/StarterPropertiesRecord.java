package dev.lucidscim.optiondocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;

/**
 * The Spring Boot starter's properties record, one record component per option of the component, filled into a
 * template that holds the record's hand-written parts ({@code {{imports}}}, {@code {{optionDocs}}} and
 * {@code {{components}}} mark where the generated ones go). Each component is a wrapper type, null until the
 * application sets it, and a duration binds as {@code 20s} or as a number of milliseconds, as in Camel. Each is
 * documented by a {@code @param} with the option's catalog description, which Spring Boot's configuration processor
 * turns into the property's description in the IDE, followed by what the catalog also tells: the component's
 * default, how a duration is written, that an object option takes a bean.
 */
final class StarterPropertiesRecord {

    private static final int LINE_WIDTH = 120;
    private static final Map<String, String> BOXED = Map.of("boolean", "java.lang.Boolean", "int",
            "java.lang.Integer", "long", "java.lang.Long", "double", "java.lang.Double", "float", "java.lang.Float",
            "short", "java.lang.Short", "byte", "java.lang.Byte", "char", "java.lang.Character");
    private static final Pattern IMPORT_LINE = Pattern.compile("(?m)^import ([\\w.]+);\\n");
    private static final String DURATION_ANNOTATION = "@DurationUnit(ChronoUnit.MILLIS) ";

    private StarterPropertiesRecord() {
    }

    static String render(ComponentModel model, String template) {
        TreeSet<String> imports = new TreeSet<>();
        Matcher templateImports = IMPORT_LINE.matcher(template);
        while (templateImports.find()) {
            imports.add(templateImports.group(1));
        }
        List<String> docs = new ArrayList<>();
        List<String> components = new ArrayList<>();
        for (ComponentOptionModel option : model.getComponentOptions()) {
            docs.add(paramDoc(option));
            components.add("        " + type(option, imports) + " " + option.getName());
        }
        // the template's own imports join the generated ones: the blank lines they leave are taken out
        String source = IMPORT_LINE.matcher(template).replaceAll("").replaceAll("\n{3,}", "\n\n");
        source = require(source, "{{imports}}", importBlock(imports));
        source = require(source, "{{optionDocs}}", String.join("\n", docs));
        return require(source, "{{components}}", String.join(",\n", components));
    }

    /** The record component's type, its classes added to the imports. */
    private static String type(ComponentOptionModel option, TreeSet<String> imports) {
        if ("duration".equals(option.getType())) {
            imports.add("java.time.Duration");
            imports.add("java.time.temporal.ChronoUnit");
            imports.add("org.springframework.boot.convert.DurationUnit");
            return DURATION_ANNOTATION + "Duration";
        }
        String javaType = BOXED.getOrDefault(option.getJavaType(), option.getJavaType());
        imports.addAll(JavaTypes.imports(javaType));
        return JavaTypes.simpleName(javaType);
    }

    private static String paramDoc(ComponentOptionModel option) {
        String description = Descriptions.of(option);
        if (description.contains("*/")) {
            throw new IllegalArgumentException("The description of option " + option.getName() + " holds '*/', "
                                               + "which would end the starter's javadoc: reword it");
        }
        StringBuilder text = new StringBuilder(description);
        Object defaultValue = option.getDefaultValue();
        if (defaultValue != null && !defaultValue.toString().isEmpty()) {
            text.append(" The component's default: ").append(defaultValue).append('.');
        }
        if ("duration".equals(option.getType())) {
            text.append(" A number alone counts milliseconds; 10s, 2m or PT30S also work.");
        }
        if ("object".equals(option.getType())) {
            text.append(" A bean: #beanName or #bean:beanName.");
        }
        return wrap(" * @param " + option.getName() + " ", text.toString());
    }

    /** Words after the first line's prefix, lines no wider than the limit, continued under the first word. */
    private static String wrap(String prefix, String text) {
        String indent = " *" + " ".repeat(prefix.length() - 2);
        StringBuilder lines = new StringBuilder(prefix);
        int lineLength = prefix.length();
        boolean lineEmpty = true;
        for (String word : text.split(" +")) {
            if (!lineEmpty && lineLength + 1 + word.length() > LINE_WIDTH) {
                lines.append('\n').append(indent);
                lineLength = indent.length();
                lineEmpty = true;
            }
            if (!lineEmpty) {
                lines.append(' ');
                lineLength++;
            }
            lines.append(word);
            lineLength += word.length();
            lineEmpty = false;
        }
        return lines.toString();
    }

    /** java.* first, then the others, each sorted, a blank line between the two. */
    private static String importBlock(TreeSet<String> imports) {
        String java = imports.stream().filter(name -> name.startsWith("java.")).map(name -> "import " + name + ";")
                .collect(Collectors.joining("\n"));
        String others = imports.stream().filter(name -> !name.startsWith("java.")).map(name -> "import " + name + ";")
                .collect(Collectors.joining("\n"));
        return java.isEmpty() || others.isEmpty() ? java + others : java + "\n\n" + others;
    }

    private static String require(String template, String placeholder, String content) {
        if (!template.contains(placeholder)) {
            throw new IllegalArgumentException("The starter's record template has no " + placeholder
                                               + ": it marks where the generated part goes");
        }
        return template.replace(placeholder, content);
    }
}
