package dev.lucidscim.examples.queue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One of the example's main classes in a JVM of its own, on the test's class path, with its output in a file:
 * started with settings (system properties) and environment variables, waited for, killed with SIGKILL.
 * <p>
 * A smaller relative of composition-tests' {@code NodeProcess}, which records its node's deliveries too: sharing one
 * would need a test-support module that both depend on, for some forty lines.
 */
final class ExampleProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path output;

    private ExampleProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    static ExampleProcess start(String name, Class<?> mainClass, Path folder, Map<String, String> settings,
                                Map<String, String> environment) throws IOException {
        Path output = folder.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath()));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(mainClass.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new ExampleProcess(name, builder.start(), output);
    }

    /** Surefire gives the test class path in this property (java.class.path may be a manifest-only jar). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Waits until the output has this text; fails at once, with the output, if the process ends first. */
    void awaitOutput(String text, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with " + process.exitValue() + ":\n" + output());
            }
            return output().contains(text);
        });
    }

    String name() {
        return name;
    }

    /** SIGKILL: no shutdown hook, nothing acknowledged or closed after this. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
