package dev.mamori.request.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese business days, computed by rule from the Act on National Holidays (国民の祝日に関する法律) with no data
 * download: the fixed and "Happy Monday" holidays, the vernal and autumnal equinoxes (the usual astronomical
 * approximation, exact for 1980-2099), the substitute holiday (振替休日, Art. 3(2): a holiday on a Sunday moves to the
 * next day that is not a holiday) and the citizens' holiday (国民の休日, Art. 3(3): a day between two holidays), plus
 * the special laws of 2019 (enthronement) and 2020/2021 (Olympic moves). Business days also skip weekends and the
 * customary year-end closure from 29 December to 3 January.
 *
 * <p>Holidays before 2000 are not modelled (no request can be that old); the Cabinet Office publishes each year's
 * equinox dates in February of the year before, so a year beyond 2099 needs a new approximation.
 */
public final class JapaneseBusinessCalendar {

    public static final JapaneseBusinessCalendar INSTANCE = new JapaneseBusinessCalendar();
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    private JapaneseBusinessCalendar() {}

    /** A working day: not a weekend, national holiday, or day of the 29 Dec - 3 Jan closure. */
    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isYearEndClosure(day) && !isHoliday(day);
    }

    public static boolean isYearEndClosure(LocalDate day) {
        return (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() >= 29)
                || (day.getMonth() == Month.JANUARY && day.getDayOfMonth() <= 3);
    }

    public boolean isHoliday(LocalDate day) {
        return holidays(day.getYear()).containsKey(day);
    }

    /** The holidays of a year with their Japanese names, in date order. */
    public Map<LocalDate, String> holidays(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "Japanese holidays are computed for " + FIRST_YEAR + "-" + LAST_YEAR + ", not " + year);
        }
        return byYear.computeIfAbsent(year, JapaneseBusinessCalendar::compute);
    }

    /** The day {@code days} business days after {@code from} ({@code from} itself is not counted). */
    public LocalDate plusBusinessDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Business days from {@code from} (excluded) to {@code to} (included); negative when {@code to} is before
     * {@code from}: then it is minus the business days after {@code to} up to and including {@code from}.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static Map<LocalDate, String> compute(int year) {
        TreeMap<LocalDate, String> base = new TreeMap<>();
        base.put(LocalDate.of(year, 1, 1), "元日");
        base.put(nthMonday(year, Month.JANUARY, 2), "成人の日");
        base.put(LocalDate.of(year, 2, 11), "建国記念の日");
        if (year >= 2020) {
            base.put(LocalDate.of(year, 2, 23), "天皇誕生日");
        } else if (year <= 2018) {
            base.put(LocalDate.of(year, 12, 23), "天皇誕生日");
        }
        base.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
        base.put(LocalDate.of(year, 4, 29), year >= 2007 ? "昭和の日" : "みどりの日");
        base.put(LocalDate.of(year, 5, 3), "憲法記念日");
        if (year >= 2007) {
            base.put(LocalDate.of(year, 5, 4), "みどりの日");
        }
        base.put(LocalDate.of(year, 5, 5), "こどもの日");
        // Marine Day, Mountain Day and Sports Day moved for the Tokyo Olympics (special measures law, 2020 and 2021).
        switch (year) {
            case 2020 -> {
                base.put(LocalDate.of(2020, 7, 23), "海の日");
                base.put(LocalDate.of(2020, 7, 24), "スポーツの日");
                base.put(LocalDate.of(2020, 8, 10), "山の日");
            }
            case 2021 -> {
                base.put(LocalDate.of(2021, 7, 22), "海の日");
                base.put(LocalDate.of(2021, 7, 23), "スポーツの日");
                base.put(LocalDate.of(2021, 8, 8), "山の日");
            }
            default -> {
                base.put(year >= 2003 ? nthMonday(year, Month.JULY, 3) : LocalDate.of(year, 7, 20), "海の日");
                if (year >= 2016) {
                    base.put(LocalDate.of(year, 8, 11), "山の日");
                }
                base.put(nthMonday(year, Month.OCTOBER, 2), year >= 2020 ? "スポーツの日" : "体育の日");
            }
        }
        base.put(year >= 2003 ? nthMonday(year, Month.SEPTEMBER, 3) : LocalDate.of(year, 9, 15), "敬老の日");
        base.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
        base.put(LocalDate.of(year, 11, 3), "文化の日");
        base.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
        if (year == 2019) {
            base.put(LocalDate.of(2019, 5, 1), "天皇の即位の日");
            base.put(LocalDate.of(2019, 10, 22), "即位礼正殿の儀の行われる日");
        }

        TreeMap<LocalDate, String> all = new TreeMap<>(base);
        // Art. 3(3): a day whose previous and next days are national holidays, and which is not one itself.
        for (LocalDate day : base.keySet()) {
            LocalDate between = day.plusDays(1);
            if (!base.containsKey(between)
                    && base.containsKey(between.plusDays(1))
                    && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
                all.put(between, "国民の休日");
            }
        }
        // Art. 3(2): a holiday on a Sunday makes the nearest following non-holiday a holiday (since 2007; before,
        // always the Monday).
        for (LocalDate day : base.keySet()) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate substitute = day.plusDays(1);
                while (year >= 2007 && all.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                all.putIfAbsent(substitute, "振替休日");
            }
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    /** The usual approximation of the March equinox day in Japan time, valid 1980-2099. */
    static int vernalEquinoxDay(int year) {
        return (int) Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    /** The usual approximation of the September equinox day in Japan time, valid 1980-2099. */
    static int autumnalEquinoxDay(int year) {
        return (int) Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }
}
