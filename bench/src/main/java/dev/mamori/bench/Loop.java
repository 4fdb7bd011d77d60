package dev.mamori.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed load loop in Java: {@code users} threads, each sending its next call as soon as the last one answered,
 * for a number of seconds. Used where wrk cannot go (a page behind a browser sign-in whose cookies the OIDC
 * extension may renew) and where the p95 is the target (wrk's latency script reports p50/p90/p99).
 */
final class Loop {

    /** One run: every answered call's latency (sorted), the failed calls and the wall-clock seconds. */
    record Result(long[] sortedNanos, long failures, double seconds, String firstFailure) {
        double rps() {
            return sortedNanos.length / seconds;
        }

        double percentileMs(double pct) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(pct / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
        }
    }

    /** One call: answers the HTTP status; 200 counts as answered, anything else as a failure. */
    @FunctionalInterface
    interface Call {
        int call() throws Exception;
    }

    private Loop() {
    }

    static Result run(int users, int seconds, Call call) {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long t0 = System.nanoTime();
        long deadline = t0 + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        String[] firstFailure = {null};
        List<Future<long[]>> futures = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            futures.add(pool.submit(() -> {
                long[] own = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long s = System.nanoTime();
                    int status;
                    try {
                        status = call.call();
                    } catch (RuntimeException e) {
                        status = -1;
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = String.valueOf(e.getMessage());
                            }
                        }
                    }
                    long took = System.nanoTime() - s;
                    if (status == 200) {
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = took;
                    } else {
                        failures.incrementAndGet();
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = "HTTP " + status;
                            }
                        }
                    }
                }
                return Arrays.copyOf(own, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        try {
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new BenchException("load loop failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, failures.get(), secs, firstFailure[0]);
    }
}
