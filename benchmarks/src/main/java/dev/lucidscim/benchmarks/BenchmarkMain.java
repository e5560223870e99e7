package dev.lucidscim.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every scenario, component and baseline side by side on loopback, and prints each scenario's figures and one
 * {@code RATIO <scenario> component/baseline=<x.xx>} line (rates, so 1.00 is parity and higher is better).
 * Arguments scale the scenarios down for a quick check: {@code BenchmarkMain [scale]}, 1.0 by default.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        long started = System.nanoTime();
        System.out.printf("camel-lucid-scim benchmarks on %d processors, Java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
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
        System.out.printf("(%d s in all)%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    private static Comparison report(Comparison comparison) {
        System.out.println(comparison.figures());
        return comparison;
    }

    private static int scaled(int size, double scale) {
        return Math.max(100, (int) (size * scale));
    }
}
