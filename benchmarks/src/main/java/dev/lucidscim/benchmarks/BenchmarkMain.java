package dev.lucidscim.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a set of scenarios: {@code BenchmarkMain [scale] [loopback|remote]}. The scale (1.0 by default) sizes them
 * down for a quick check.
 * <ul>
 * <li>{@code loopback} (the default): component and baseline side by side on loopback, each scenario's figures and one
 * {@code RATIO <scenario> component/baseline=<x.xx>} line (rates, so 1.00 is parity and higher is better);</li>
 * <li>{@code remote}: the component alone against a Lucid-like tenant (latency and rate limit), each scenario's
 * figures and one {@code RATIO <scenario> minimum/actual=<x.xx>} line (1.00 is the physical minimum).</li>
 * </ul>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        String set = args.length > 1 ? args[1] : "loopback";
        long jvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
        long started = System.nanoTime();
        System.out.printf("camel-lucid-scim benchmarks (%s) on %d processors, Java %s, max heap %d MB; the JVM's "
                          + "start took %d ms, in no figure%n", set, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() / (1024 * 1024), jvmStart);
        switch (set) {
            case "loopback" -> loopback(scale);
            case "remote" -> remote(scale);
            default -> throw new IllegalArgumentException("Unknown scenario set " + set + ": loopback or remote");
        }
        System.out.printf("(%d s in all)%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void remote(double scale) throws Exception {
        List<RemoteOutcome> outcomes = RemoteBenchmarks.run(LucidLikeTenant.REMOTE, scale);
        System.out.println();
        outcomes.forEach(outcome -> System.out.println(outcome.ratioLine()));
    }

    private static void loopback(double scale) throws Exception {
        List<Comparison> results = new ArrayList<>();
        // JIT warm-up for both sides before the first figure (the component has more code to compile)
        new CreateBenchmark(scaled(5000, scale)).run(8);
        CreateBenchmark creates = new CreateBenchmark(scaled(10_000, scale));
        for (int concurrency : new int[] { 1, 8, 32 }) {
            results.add(report(creates.run(concurrency)));
        }
        results.add(report(new UpsertBenchmark(scaled(10_000, scale)).run()));
        results.add(report(new PollBenchmark(scaled(100_000, scale)).run()));
        results.add(report(new ReconcileBenchmark(scaled(10_000, scale)).run()));
        System.out.println();
        results.forEach(result -> System.out.println(result.ratioLine()));
    }

    private static Comparison report(Comparison comparison) {
        System.out.println(comparison.figures());
        return comparison;
    }

    static int scaled(int size, double scale) {
        return Math.max(100, (int) (size * scale));
    }
}
