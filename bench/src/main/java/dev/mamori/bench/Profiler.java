package dev.mamori.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where a service spends its CPU under load: a JFR recording ({@code jcmd <pid> JFR.start}, JFR ships with the
 * JDK) of the execution samples, summarised as the share of samples by the library that was running (the first
 * frame from the top of the stack that is not the JDK itself), the share whose stack passes through a few telling
 * places (token verification, JSON, the PostgreSQL client, Hibernate, the audit log, ...), and the hottest methods.
 */
final class Profiler {

    /** Libraries, by package prefix, in the order they are tried. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    /** Places in the stack worth knowing about, by frame prefix. */
    private static final Map<String, String> PLACES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("dev.mamori.", "Mamori code");
        LIBRARIES.put("org.jose4j.", "JWT (jose4j)");
        LIBRARIES.put("io.smallrye.jwt.", "JWT (SmallRye)");
        LIBRARIES.put("io.quarkus.oidc.", "OIDC (Quarkus)");
        LIBRARIES.put("com.fasterxml.jackson.", "JSON (Jackson)");
        LIBRARIES.put("io.vertx.pgclient.", "PostgreSQL client (Vert.x)");
        LIBRARIES.put("io.vertx.sqlclient.", "SQL client (Vert.x)");
        LIBRARIES.put("org.hibernate.validator.", "Bean Validation");
        LIBRARIES.put("org.hibernate.", "Hibernate");
        LIBRARIES.put("com.github.benmanes.caffeine.", "Caffeine cache");
        LIBRARIES.put("org.jboss.resteasy.reactive.", "Quarkus REST (RESTEasy Reactive)");
        LIBRARIES.put("io.quarkus.resteasy.reactive.", "Quarkus REST (RESTEasy Reactive)");
        LIBRARIES.put("io.quarkus.security.", "Quarkus security");
        LIBRARIES.put("io.quarkus.vertx.http.", "Quarkus HTTP");
        LIBRARIES.put("io.quarkus.arc.", "CDI (ArC)");
        LIBRARIES.put("io.smallrye.mutiny.", "Mutiny");
        LIBRARIES.put("io.smallrye.config.", "SmallRye Config");
        LIBRARIES.put("io.netty.", "Netty");
        LIBRARIES.put("io.vertx.core.", "Vert.x core / HTTP");
        LIBRARIES.put("org.jboss.logmanager.", "Logging");
        LIBRARIES.put("org.jboss.logging.", "Logging");
        LIBRARIES.put("io.quarkus.", "Quarkus (other)");
        LIBRARIES.put("io.vertx.", "Vert.x (other)");
        LIBRARIES.put("io.smallrye.", "SmallRye (other)");

        PLACES.put("org.jose4j.jws.", "verifying the token signature");
        PLACES.put("io.quarkus.oidc.runtime.OidcProvider.verify", "OIDC token verification (all of it)");
        PLACES.put("com.fasterxml.jackson.", "JSON reading/writing");
        PLACES.put("io.vertx.pgclient.", "PostgreSQL client");
        PLACES.put("org.hibernate.", "Hibernate");
        PLACES.put("org.hibernate.validator.", "Bean Validation");
        PLACES.put("dev.mamori.platform.audit.", "audit log");
        PLACES.put("dev.mamori.platform.idempotency.", "idempotency");
        PLACES.put("com.github.benmanes.caffeine.", "decision cache (Caffeine)");
        PLACES.put("io.netty.channel.", "Netty channel I/O");
        PLACES.put("sun.nio.ch.", "socket I/O (JDK)");
        PLACES.put("java.util.regex.", "regular expressions");
        PLACES.put("org.jboss.logmanager.", "logging");
    }

    record Summary(String what, int samples, Map<String, Double> byThread, Map<String, Double> byLibrary,
                   Map<String, Double> places, Map<String, Double> hotMethods, Map<String, Double> hotMamori) {
    }

    private Profiler() {
    }

    /** Starts a recording of {@code seconds} on {@code pid}; returns the file it will be written to. */
    static Path start(long pid, int seconds, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".jfr");
            Files.deleteIfExists(file);
            run(List.of("jcmd", Long.toString(pid), "JFR.start", "name=bench-" + name, "settings=profile",
                    "duration=" + seconds + "s", "filename=" + file));
            return file;
        } catch (IOException e) {
            throw new BenchException("cannot start JFR: " + e, e);
        }
    }

    /** Waits for the recording to be written and summarises it. */
    static Summary summarise(String what, Path file) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (!Files.exists(file) || Files.size(file) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new BenchException("JFR wrote no recording to " + file);
                }
                Thread.sleep(500);
            }
            Thread.sleep(1000); // let the JVM finish writing
        } catch (IOException e) {
            throw new BenchException("cannot read " + file + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        List<List<String>> stacks = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        try {
            Process p = Procs.track(new ProcessBuilder("jfr", "print", "--events", "jdk.ExecutionSample",
                    "--stack-depth", "96", file.toString()).redirectErrorStream(true).start());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> stack = null;
                String thread = "?";
                String line;
                while ((line = r.readLine()) != null) {
                    String t = line.trim();
                    if (t.startsWith("sampledThread = ")) {
                        thread = threadGroup(t.substring("sampledThread = ".length()));
                    } else if (t.startsWith("stackTrace = [")) {
                        stack = new ArrayList<>();
                    } else if (stack != null && t.equals("]")) {
                        stacks.add(stack);
                        threads.add(thread);
                        stack = null;
                    } else if (stack != null && !t.equals("...")) {
                        stack.add(frame(t));
                    }
                }
            }
            p.waitFor();
            Procs.stop(p);
        } catch (IOException e) {
            throw new BenchException("cannot run jfr print: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        int n = stacks.size();
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> places = new HashMap<>();
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Integer> hotMamori = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> stack = stacks.get(i);
            byThread.merge(threads.get(i), 1, Integer::sum);
            byLibrary.merge(library(stack), 1, Integer::sum);
            if (!stack.isEmpty()) {
                hot.merge(stack.get(0), 1, Integer::sum);
            }
            Set<String> seenPlaces = new HashSet<>();
            Set<String> seenMamori = new HashSet<>();
            for (String f : stack) {
                PLACES.forEach((prefix, place) -> {
                    if (f.startsWith(prefix)) {
                        seenPlaces.add(place);
                    }
                });
                if (f.startsWith("dev.mamori.")) {
                    seenMamori.add(f);
                }
            }
            seenPlaces.forEach(pl -> places.merge(pl, 1, Integer::sum));
            seenMamori.forEach(m -> hotMamori.merge(m, 1, Integer::sum));
        }
        return new Summary(what, n, top(byThread, n, 6), top(byLibrary, n, 12), top(places, n, 14), top(hot, n, 12),
                top(hotMamori, n, 10));
    }

    /** The first frame from the top that is not the JDK's, as a library name; "JDK" if all are. */
    private static String library(List<String> stack) {
        for (String f : stack) {
            if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.") || f.startsWith("javax.")) {
                continue;
            }
            for (Map.Entry<String, String> e : LIBRARIES.entrySet()) {
                if (f.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
            int dot = f.lastIndexOf('.', f.lastIndexOf('.') - 1);
            return dot > 0 ? f.substring(0, dot) : f;
        }
        return stack.isEmpty() ? "?" : "JDK (" + stack.get(0).replaceAll("\\.[^.]+$", "") + ")";
    }

    /** "io.netty.Foo.bar(int, String)  line: 12" becomes "io.netty.Foo.bar". */
    private static String frame(String t) {
        int paren = t.indexOf('(');
        return paren > 0 ? t.substring(0, paren) : t.replaceAll("\\s+line:.*$", "");
    }

    /** "vert.x-eventloop-thread-1" (javaThreadId = 31) becomes "vert.x-eventloop-thread". */
    private static String threadGroup(String t) {
        String name = t.startsWith("\"") ? t.substring(1, Math.max(1, t.indexOf('"', 1))) : t;
        return name.replaceAll("[-#]?\\d+$", "");
    }

    private static Map<String, Double> top(Map<String, Integer> counts, int total, int limit) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> out.put(e.getKey(), total == 0 ? 0 : 100.0 * e.getValue() / total));
        return out;
    }

    static String markdown(Summary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(s.what()).append("** — ").append(s.samples()).append(" JFR execution samples.\n\n");
        sb.append("- Threads: ").append(join(s.byThread())).append('\n');
        sb.append("- By library running (first non-JDK frame): ").append(join(s.byLibrary())).append('\n');
        sb.append("- Stacks passing through: ").append(join(s.places())).append('\n');
        sb.append("- Hottest methods (self): ").append(join(s.hotMethods())).append('\n');
        if (!s.hotMamori().isEmpty()) {
            sb.append("- Mamori methods on the stack: ").append(join(s.hotMamori())).append('\n');
        }
        return sb.toString();
    }

    private static String join(Map<String, Double> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add("`" + k + "` " + String.format(Locale.ROOT, "%.1f %%", v)));
        return String.join(", ", parts);
    }

    private static void run(List<String> cmd) throws IOException {
        try {
            Process p = Procs.track(new ProcessBuilder(cmd).redirectErrorStream(true).start());
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            Procs.stop(p);
            if (exit != 0 || out.contains("Could not") || out.contains("Exception")) {
                throw new BenchException(String.join(" ", cmd) + " failed: " + Api.abbreviate(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }
}
