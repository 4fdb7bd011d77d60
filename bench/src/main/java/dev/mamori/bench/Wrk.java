package dev.mamori.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk (Debian's package) with bench's Lua script, and reads back its figures together with the CPU time the
 * watched server processes spent during the run.
 */
final class Wrk {

    /** One wrk run: throughput, latency percentiles, errors, and server CPU per request (µs) by process name. */
    record Result(long requests, double seconds, long errors, long refused, String errorDetail, double p50Ms,
                  double p90Ms, double p99Ms, double maxMs, Map<String, Double> cpuMicrosPerRequest) {
        /** Answered requests a second; wrk counts a non-2xx answer (a 503 refusal, say) as a request, this does not. */
        double rps() {
            return Math.max(0, requests - refused) / seconds;
        }
    }

    private final Path script;
    private final int threads;

    Wrk(Path workDir, int threads) {
        this.threads = threads;
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/mamori.lua")) {
            if (in == null) {
                throw new BenchException("wrk/mamori.lua is missing from the class path");
            }
            Files.createDirectories(workDir);
            script = workDir.resolve("mamori.lua");
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new BenchException("cannot write the wrk script: " + e, e);
        }
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("wrk").replaceAll("\\s+Copyright.*", "").trim();
        } catch (IOException e) {
            throw new BenchException("wrk is not installed (bench/run installs it with apt-get): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "wrk";
        }
    }

    /**
     * Runs wrk for {@code seconds} against {@code url} with {@code connections}, the script configured by
     * {@code env}; {@code watch} names server processes whose CPU time per request is reported.
     */
    Result run(String url, int connections, int seconds, Map<String, String> env, Map<String, Long> watch) {
        // wrk refuses fewer connections than threads: one connection is one thread.
        List<String> cmd = List.of("wrk", "-t" + Math.min(threads, connections), "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "--latency", "-s", script.toString(), url);
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Map<String, Long> cpuBefore = new LinkedHashMap<>();
        watch.forEach((name, pid) -> cpuBefore.put(name, cpu(name, pid)));
        String out;
        try {
            Process p = Procs.track(pb.start());
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            Procs.stop(p);
            if (exit != 0) {
                throw new BenchException("wrk exited with " + exit + ": " + Api.abbreviate(out));
            }
        } catch (IOException e) {
            throw new BenchException("cannot run wrk: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        String line = out.lines().filter(l -> l.startsWith("BENCH_RESULT ")).findFirst()
                .orElseThrow(() -> new BenchException("wrk printed no result: " + Api.abbreviate(out)));
        JsonNode r;
        try {
            r = Api.JSON.readTree(line.substring("BENCH_RESULT ".length()));
        } catch (IOException e) {
            throw new BenchException("cannot read wrk's result line: " + line);
        }
        long requests = r.get("requests").asLong();
        Map<String, Double> cpu = new LinkedHashMap<>();
        watch.forEach((name, pid) -> {
            long after = cpu(name, pid);
            long before = cpuBefore.get(name);
            if (after >= 0 && before >= 0 && requests > 0) {
                cpu.put(name, (after - before) / (double) requests);
            }
        });
        long status = r.get("errors_status").asLong();
        long socket = r.get("errors_connect").asLong() + r.get("errors_read").asLong() + r.get("errors_write").asLong()
                + r.get("errors_timeout").asLong();
        String detail = status + socket == 0 ? "" : status + " non-2xx answers, " + socket + " socket errors/timeouts";
        return new Result(requests, r.get("duration_us").asLong() / 1e6, status + socket, status, detail,
                r.get("p50_us").asLong() / 1000.0, r.get("p90_us").asLong() / 1000.0, r.get("p99_us").asLong() / 1000.0,
                r.get("max_us").asLong() / 1000.0, cpu);
    }

    /** PostgreSQL is a tree of processes (the postmaster and a backend per connection); a JVM is one process. */
    private static long cpu(String name, long pid) {
        return name.startsWith("postgres") ? Procs.treeCpuMicros(pid) : Procs.cpuMicros(pid);
    }
}
