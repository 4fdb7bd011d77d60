package dev.mamori.request.service;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.RequestType;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The dates a request carries, counted on the Japanese calendar day of arrival.
 *
 * <p>Art. 39(1): a person may sue over a claim only after two weeks have passed from the day it arrived. The day of
 * arrival is not counted (Civil Code Art. 140), so the two weeks end at the close of arrival day + 14; that day is
 * the statutory marker, and from the next day a suit is possible.
 *
 * <p>The due date is the tenant's SLA counted in Japanese business days from the day of arrival (weekends, national
 * holidays and the 29 Dec - 3 Jan closure do not count; see {@link JapaneseBusinessCalendar}). Time spent waiting
 * for the requester moves it by as many business days; an explicit extension moves it with a notice to the person.
 */
public final class Deadlines {

    static final int ART_39_DAYS = 14;

    private Deadlines() {}

    /** The calendar day in Japan on which the request arrived. */
    public static LocalDate arrivalDay(OffsetDateTime receivedAt) {
        return JapanTime.dateOf(receivedAt);
    }

    /** Art. 39(1) marker, or null for a type the article does not cover. */
    public static LocalDate statutoryMarker(RequestType type, OffsetDateTime receivedAt) {
        return type.hasStatutoryMarker() ? arrivalDay(receivedAt).plusDays(ART_39_DAYS) : null;
    }

    /** Arrival day + {@code businessDays} Japanese business days. */
    public static LocalDate dueOn(OffsetDateTime receivedAt, int businessDays) {
        return JapaneseBusinessCalendar.INSTANCE.plusBusinessDays(arrivalDay(receivedAt), businessDays);
    }

    /** Business days from today to the due date: 0 on the due day, negative once overdue. */
    public static int businessDaysLeft(LocalDate dueOn, LocalDate today) {
        return JapaneseBusinessCalendar.INSTANCE.businessDaysBetween(today, dueOn);
    }

    /** An open request is overdue from the day after its due date. */
    public static boolean overdue(LocalDate dueOn, boolean terminal, LocalDate today) {
        return !terminal && today.isAfter(dueOn);
    }
}
