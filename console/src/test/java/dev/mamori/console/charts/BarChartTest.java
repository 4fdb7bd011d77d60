package dev.mamori.console.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void stackedBarsSitOnEachOtherAndTheTallestColumnFitsTheAxis() {
        BarChart chart = BarChart.stacked(
                "requests",
                List.of("2026-11", "2026-12"),
                List.of("disclosure", "erasure"),
                new int[][] {{3, 0}, {2, 1}},
                0);
        assertEquals(8, chart.max(), "the tallest column (3 + 2) under a top of four whole steps");
        BarChart.Column november = chart.columns().get(0);
        assertEquals(5, november.total());
        BarChart.Bar first = november.bars().get(0);
        BarChart.Bar second = november.bars().get(1);
        assertEquals(first.y(), second.y() + second.h(), "the second series starts where the first ends");
        assertEquals(chart.baseY(), first.y() + first.h(), "the first series stands on the base line");
        assertEquals(
                Math.round(5.0 * (chart.baseY() - BarChart.TOP) / 8),
                first.h() + second.h(),
                1,
                "as tall as its total");
        assertEquals(1, chart.columns().get(1).bars().size(), "a zero value draws no rectangle");
        assertEquals(2, november.valueOf(1));
        assertEquals("11", november.shortLabel());
    }

    @Test
    void aPercentageChartKeepsItsAxisAtOneHundred() {
        BarChart chart =
                BarChart.stacked("in time", List.of("2026-12"), List.of("in", "late"), new int[][] {{75}, {25}}, 100);
        assertEquals(100, chart.max());
        assertEquals(100, chart.columns().get(0).total());
    }

    @Test
    void groupedBarsStandSideBySideOnTheBaseLine() {
        BarChart chart =
                BarChart.grouped("consents", List.of("2026-12"), List.of("given", "withdrawn"), new int[][] {{4}, {1}});
        BarChart.Bar given = chart.columns().get(0).bars().get(0);
        BarChart.Bar withdrawn = chart.columns().get(0).bars().get(1);
        assertEquals(chart.baseY(), given.y() + given.h());
        assertEquals(chart.baseY(), withdrawn.y() + withdrawn.h());
        assertTrue(withdrawn.x() >= given.x() + given.w(), "withdrawn is drawn beside given, not over it");
        assertEquals(4, chart.max(), "the axis fits the tallest bar (4), not the sum (5)");
    }

    @Test
    void nothingToDrawIsSaidSo() {
        assertTrue(BarChart.stacked("x", List.of("2026-12"), List.of("a"), new int[][] {{0}}, 0)
                .empty());
    }

    @Test
    void theAxisTopIsARoundNumber() {
        assertEquals(4, BarChart.niceMax(0));
        assertEquals(4, BarChart.niceMax(4));
        assertEquals(8, BarChart.niceMax(7));
        assertEquals(20, BarChart.niceMax(11));
        assertEquals(80, BarChart.niceMax(50));
        assertEquals(400, BarChart.niceMax(201));
    }
}
