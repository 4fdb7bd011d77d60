package dev.mamori.console.charts;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * A stacked bar chart drawn on the server as inline SVG geometry (the pages run no scripts: CSP allows none). The
 * template draws what this computes: one column per label, one rectangle per non-zero series value, stacked from the
 * base line; colours come from the style sheet by series index. Values are counts or percentages, never negative.
 */
@TemplateData
public record BarChart(
        String title, int width, int height, List<Column> columns, List<Legend> legend, List<Tick> ticks, int max) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 40;
    static final int BOTTOM = 30;
    static final int TOP = 10;

    /** One rectangle of a column: its series, value and box. */
    @TemplateData
    public record Bar(int series, int value, int x, int y, int w, int h, String text) {}

    @TemplateData
    public record Column(String label, int total, int labelX, int labelY, List<Bar> bars) {
        /** The column's value of one series (0 when it has none), for the table beside the chart. */
        public String shortLabel() {
            // "2026-04" is drawn as "04" under its column; the table beside the chart names the whole month.
            return label.length() > 5 ? label.substring(5) : label;
        }

        public int valueOf(int series) {
            return bars.stream()
                    .filter(b -> b.series() == series)
                    .mapToInt(Bar::value)
                    .sum();
        }
    }

    @TemplateData
    public record Legend(int series, String name) {}

    /** A grid line of the value axis with its value. */
    @TemplateData
    public record Tick(int value, int y) {}

    /**
     * @param labels the columns (e.g. months), left to right
     * @param seriesNames the stacked series, bottom to top
     * @param values values[series][column]
     * @param fixedMax the top of the axis (100 for a percentage), or 0 to fit the tallest column
     */
    public static BarChart stacked(
            String title, List<String> labels, List<String> seriesNames, int[][] values, int fixedMax) {
        return draw(title, labels, seriesNames, values, fixedMax, false);
    }

    /** Side by side instead of stacked: for series that are not parts of one whole (given and withdrawn). */
    public static BarChart grouped(String title, List<String> labels, List<String> seriesNames, int[][] values) {
        return draw(title, labels, seriesNames, values, 0, true);
    }

    private static BarChart draw(
            String title,
            List<String> labels,
            List<String> seriesNames,
            int[][] values,
            int fixedMax,
            boolean grouped) {
        int n = labels.size();
        int tallest = 0;
        for (int c = 0; c < n; c++) {
            int total = 0;
            for (int[] series : values) {
                total = grouped ? Math.max(total, series[c]) : total + Math.max(0, series[c]);
            }
            tallest = Math.max(tallest, total);
        }
        int max = fixedMax > 0 ? fixedMax : niceMax(tallest);
        int plotHeight = HEIGHT - BOTTOM - TOP;
        int slot = n == 0 ? 0 : (WIDTH - LEFT) / n;
        int barWidth = Math.max(4, slot * 2 / 3);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int x = LEFT + c * slot + (slot - barWidth) / 2;
            int base = HEIGHT - BOTTOM;
            int total = 0;
            List<Bar> bars = new ArrayList<>();
            for (int s = 0; s < values.length; s++) {
                int v = Math.max(0, values[s][c]);
                if (v == 0) {
                    continue;
                }
                int h = (int) Math.round((double) v * plotHeight / max);
                total += v;
                String text = labels.get(c) + " " + seriesNames.get(s) + ": " + v;
                if (grouped) {
                    int w = barWidth / values.length;
                    bars.add(new Bar(s, v, x + s * w, HEIGHT - BOTTOM - h, w, h, text));
                } else {
                    base -= h;
                    bars.add(new Bar(s, v, x, base, barWidth, h, text));
                }
            }
            columns.add(new Column(labels.get(c), total, x + barWidth / 2, HEIGHT - BOTTOM + 16, bars));
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < seriesNames.size(); s++) {
            legend.add(new Legend(s, seriesNames.get(s)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            int value = max * i / 4;
            ticks.add(new Tick(value, HEIGHT - BOTTOM - (int) Math.round((double) value * plotHeight / max)));
        }
        return new BarChart(title, WIDTH, HEIGHT, columns, legend, ticks, max);
    }

    /** The axis top: four equal steps of 1, 2 or 5 times a power of ten, so every grid line is a whole number. */
    static int niceMax(int tallest) {
        int quarter = Math.max(1, (tallest + 3) / 4);
        int power = 1;
        while (true) {
            for (int step : new int[] {1, 2, 5}) {
                if (step * power >= quarter) {
                    return 4 * step * power;
                }
            }
            power *= 10;
        }
    }

    public boolean empty() {
        return columns.stream().allMatch(c -> c.total() == 0);
    }

    public int baseY() {
        return HEIGHT - BOTTOM;
    }

    public int left() {
        return LEFT;
    }
}
