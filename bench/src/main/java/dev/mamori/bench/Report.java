package dev.mamori.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one run as Markdown: the machine, the command, the load average, a table of every figure with its
 * ceiling, ratio and target, the profiles, and what was skipped and why. A full run also puts this between the
 * markers of BENCHMARKS.md, leaving the hand-written text around them alone.
 */
final class Report {

    static final String BEGIN = "<!-- bench:results:begin (written by bench/run; edit outside these markers) -->";
    static final String END = "<!-- bench:results:end -->";

    record Row(String scenario, String figure, String value, String ceiling, String ratio, String target,
               String verdict) {
    }

    final Map<String, String> facts = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> profiles = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    void fact(String name, String value) {
        facts.put(name, value);
    }

    void row(String scenario, String figure, String value, String ceiling, String ratio, String target, Boolean met) {
        rows.add(new Row(scenario, figure, value, ceiling == null ? "–" : ceiling, ratio == null ? "–" : ratio,
                target == null ? "–" : target, met == null ? "–" : met ? "met" : "**missed**"));
        System.out.printf("[bench] %-22s %-44s %s%s%n", scenario, figure, value,
                target == null ? "" : "   target " + target + (met == null ? "" : met ? " (met)" : " (MISSED)"));
    }

    void skip(String scenario, String why) {
        skipped.add("**" + scenario + "** — skipped: " + why);
        System.out.println("[bench] " + scenario + " — skipped: " + why);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[bench] note: " + text);
    }

    void failed(String scenario, String why) {
        failures.add("**" + scenario + "** — failed: " + why);
        System.out.println("[bench] " + scenario + " — FAILED: " + why);
    }

    void profile(String markdown) {
        profiles.add(markdown);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN).append("\n\n");
        sb.append("### Run of ").append(facts.getOrDefault("Date", "?")).append("\n\n");
        sb.append("| | |\n|---|---|\n");
        facts.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        sb.append("\n#### Figures\n\n");
        sb.append("Median of the rounds, with min–max and the half-range in percent; ceilings measured in the same run, "
                + "rounds interleaved (A, B, C, A, B, C, ...); the ratio is the median of the per-round ratios.\n\n");
        sb.append("| scenario | figure | measured | ceiling | ratio | target | |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.scenario()).append(" | ").append(r.figure()).append(" | ").append(r.value())
                    .append(" | ").append(r.ceiling()).append(" | ").append(r.ratio()).append(" | ").append(r.target())
                    .append(" | ").append(r.verdict()).append(" |\n");
        }
        if (!skipped.isEmpty() || !failures.isEmpty()) {
            sb.append("\n#### Skipped or failed\n\n");
            skipped.forEach(s -> sb.append("- ").append(s).append('\n'));
            failures.forEach(s -> sb.append("- ").append(s).append('\n'));
        }
        if (!notes.isEmpty()) {
            sb.append("\n#### Notes of this run\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        if (!profiles.isEmpty()) {
            sb.append("\n#### Profiles (JFR execution samples during an extra round of the scenario)\n\n");
            profiles.forEach(p -> sb.append(p).append('\n'));
        }
        sb.append('\n').append(END).append('\n');
        return sb.toString();
    }

    /** Replaces the generated part of BENCHMARKS.md (or writes the file with a short frame around it). */
    static void updateBenchmarks(Path file, String generated) throws IOException {
        String text;
        if (Files.exists(file)) {
            text = Files.readString(file, StandardCharsets.UTF_8);
            int b = text.indexOf(BEGIN);
            int e = text.indexOf(END);
            if (b >= 0 && e > b) {
                text = text.substring(0, b) + generated.strip() + text.substring(e + END.length());
            } else {
                text = text.stripTrailing() + "\n\n## Latest results\n\n" + generated;
            }
        } else {
            text = "# Benchmarks\n\nReproduce with `bench/run` (see bench/run --help).\n\n## Latest results\n\n" + generated;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
