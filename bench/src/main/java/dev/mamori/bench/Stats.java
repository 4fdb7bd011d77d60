package dev.mamori.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and spread of a few rounds: the figures are medians, the spread is min–max over the rounds. */
record Stats(List<Double> values) {

    static Stats of(List<Double> values) {
        return new Stats(List.copyOf(values));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Half the range relative to the median, in percent: how far apart the rounds were. */
    double spreadPercent() {
        double m = median();
        return values.size() < 2 || m == 0 ? 0 : (max() - min()) / 2 / m * 100;
    }

    /** "12,345 (11,900–12,800, ±3.6 %)" with the given number format. */
    String describe(String format) {
        if (values.isEmpty()) {
            return "–";
        }
        String m = String.format(Locale.ROOT, format, median());
        if (values.size() < 2) {
            return m;
        }
        return m + " (" + String.format(Locale.ROOT, format, min()) + "–" + String.format(Locale.ROOT, format, max())
                + ", ±" + String.format(Locale.ROOT, "%.0f", spreadPercent()) + " %)";
    }
}
