package dev.lucidscim.composition.cluster;

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
 * A {@link ClusterNode} in a JVM of its own, on the test's class path: started, waited for, killed with SIGKILL, and
 * read from (its deliveries file, its output for a failure's message).
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path output;
    private final Path deliveries;

    private NodeProcess(String name, Process process, Path output, Path deliveries) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.deliveries = deliveries;
    }

    /** Starts the node with these {@code node.*} settings ({@code node.name} and {@code node.deliveries} added). */
    static NodeProcess start(String name, Path folder, Map<String, String> settings) throws IOException {
        Path output = folder.resolve(name + ".log");
        Path deliveries = folder.resolve(name + ".deliveries");
        Files.createFile(deliveries);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                "-Dlog4j2.configurationFile=classpath:cluster-node-log4j2.properties"));
        command.add("-Dnode.name=" + name);
        command.add("-Dnode.deliveries=" + deliveries);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(ClusterNode.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        return new NodeProcess(name, process, output, deliveries);
    }

    /** Surefire gives the test class path in this property (java.class.path may be a manifest-only jar). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    void awaitReady(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with " + process.exitValue() + ":\n" + output());
            }
            return output().contains(ClusterNode.READY);
        });
    }

    String name() {
        return name;
    }

    /** SIGKILL: no shutdown hook, no route stopped, nothing committed after this. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The changes it delivered, in order: one {@link Delivery} per line. */
    List<Delivery> deliveries() throws IOException {
        return Files.readAllLines(deliveries, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                .map(Delivery::parse).toList();
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

    /** One delivered change, as {@link ClusterNode} records it. */
    record Delivery(String node, long atMillis, String changeId, String resourceId, String changeType) {

        static Delivery parse(String line) {
            String[] fields = line.split(" ");
            return new Delivery(fields[0], Long.parseLong(fields[1]), fields[2], fields[3], fields[4]);
        }
    }
}
