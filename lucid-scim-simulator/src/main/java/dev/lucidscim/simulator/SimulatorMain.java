package dev.lucidscim.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;


/**
 * Runs the simulator on its own until stopped:
 *
 * <pre>
 * java -jar lucid-scim-simulator.jar [--port 8080] [--host 127.0.0.1] [--token TOKEN] [--seed seed.json]
 *                                    [--max-page-size 100] [--forbidden-for-unknown-users] [--request-log 10000]
 * </pre>
 *
 * Standalone, the request log keeps the latest 10,000 requests, so that a long run does not fill the heap.
 *
 * A seed file is described by {@link SeedFile}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        LucidScimSimulator.Builder builder = LucidScimSimulator.builder().port(8080).requestLogCapacity(10_000);
        String token = null;
        Path seed = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                case "--host" -> builder.host(value(args, ++i));
                case "--token" -> token = value(args, ++i);
                case "--seed" -> seed = Path.of(value(args, ++i));
                case "--max-page-size" -> builder.maxPageSize(Integer.parseInt(value(args, ++i)));
                case "--forbidden-for-unknown-users" -> builder.forbiddenForUnknownUsers(true);
                case "--request-log" -> builder.requestLogCapacity(Integer.parseInt(value(args, ++i)));
                case "--help", "-h" -> {
                    System.out.println("Options: --port N (8080), --host ADDRESS (127.0.0.1), --token TOKEN (random), "
                                       + "--seed FILE, --max-page-size N (100), --forbidden-for-unknown-users, "
                                       + "--request-log N (10000 latest requests kept)");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (try --help)");
            }
        }
        boolean generated = token == null;
        if (generated) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            token = HexFormat.of().formatHex(random);
        }
        LucidScimSimulator simulator = builder.token(token).build().start();
        if (seed != null) {
            seed(simulator, seed);
        }
        System.out.println("Lucid SCIM simulator listening at " + simulator.baseUrl() + " with "
                           + simulator.userCount() + " user(s) and " + simulator.groupCount() + " group(s)");
        // A token the simulator made up is printed so that it can be used; a given one is not repeated.
        System.out.println(generated ? "Bearer token: " + token : "Bearer token: the one given with --token");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Loads a {@link SeedFile} into the simulator. */
    public static void seed(LucidScimSimulator simulator, Path file) throws IOException {
        SeedFile.load(simulator, file);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
