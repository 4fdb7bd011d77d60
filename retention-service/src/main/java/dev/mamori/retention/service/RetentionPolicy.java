package dev.mamori.retention.service;

import dev.mamori.retention.Holding;
import dev.mamori.retention.RetentionBasis;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * When a holding is due for deletion, and why, in words a privacy officer can repeat to the person.
 *
 * <p>The convention: "keep N days from collection" means N calendar days in {@link RetentionConfig#zone()} (Japan,
 * which has no daylight saving, so exactly N × 24 hours) added to the collection instant. {@code deleteAfter} is the
 * first instant at which the data is due for deletion; it may be kept up to that instant and not past it.
 * {@code deleteOn} is that instant's date in the zone, the day the deletion run removes it. Collected
 * 2026-01-01T00:00:00+09:00 with 92 days → deleteAfter 2026-04-03T00:00:00+09:00, deleteOn 2026-04-03 (the
 * BellSystem24 rule: deleted 92 days after collection). A CONTRACT_END holding has no date until the client contract
 * ends; the date is then the contract end plus N days (APPI Art. 22: erase without delay once no longer needed).
 */
@Singleton
public class RetentionPolicy {

    /** BellSystem24's period: the longest run of three consecutive months. */
    public static final int DEFAULT_DAYS_FROM_COLLECTION = 92;
    /** tele-net's rule: erase as soon as the client contract ends. */
    public static final int DEFAULT_DAYS_AFTER_CONTRACT_END = 0;

    private final ZoneId zone;

    @Inject
    public RetentionPolicy(RetentionConfig config) {
        this(config.zone());
    }

    RetentionPolicy(ZoneId zone) {
        this.zone = zone;
    }

    public static RetentionPolicy inZone(ZoneId zone) {
        return new RetentionPolicy(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public static int defaultDays(RetentionBasis basis) {
        return basis == RetentionBasis.CONTRACT_END ? DEFAULT_DAYS_AFTER_CONTRACT_END : DEFAULT_DAYS_FROM_COLLECTION;
    }

    /** The first instant the data is due for deletion, or null when it waits for the contract end. */
    public OffsetDateTime deleteAfter(OffsetDateTime collectedAt, RetentionBasis basis, int days) {
        if (basis == RetentionBasis.CONTRACT_END) {
            return null;
        }
        return collectedAt.atZoneSameInstant(zone).plusDays(days).toOffsetDateTime();
    }

    /** The same instant shown with the zone's offset, so every time of a holding reads in one local time. */
    public OffsetDateTime local(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** The date (in the zone) the deletion is due, or null when it waits for the contract end. */
    public LocalDate deleteOn(OffsetDateTime deleteAfter) {
        return deleteAfter == null ? null : deleteAfter.atZoneSameInstant(zone).toLocalDate();
    }

    /** Why the holding is deleted when it is, in English and Japanese. */
    public Explanation explain(Holding h) {
        LocalDate collectedOn = h.collectedAt.atZoneSameInstant(zone).toLocalDate();
        if (h.retentionBasis == RetentionBasis.COLLECTION) {
            LocalDate deleteOn = deleteOn(h.deleteAfter);
            return new Explanation(
                    "delete on " + deleteOn + " because category " + h.categoryCode + " keeps data "
                            + h.retentionDays + " days from collection (collected on " + collectedOn + ")",
                    "データ区分 " + h.categoryCode + " は収集日から" + h.retentionDays + "日間保管するため、"
                            + deleteOn + " に削除します（収集日 " + collectedOn + "）");
        }
        if (h.retentionDays == 0) {
            return new Explanation(
                    "delete when the client contract ends, because category " + h.categoryCode
                            + " is kept only while the contract runs; the date is set when the contract end is recorded",
                    "データ区分 " + h.categoryCode + " はクライアントとの契約期間中のみ保管するため、契約終了時に削除します"
                            + "（削除日は契約終了の記録時に決まります）");
        }
        return new Explanation(
                "delete " + h.retentionDays + " days after the client contract ends, because category "
                        + h.categoryCode + " is kept until then; the date is set when the contract end is recorded",
                "データ区分 " + h.categoryCode + " はクライアントとの契約終了から" + h.retentionDays
                        + "日間保管するため、契約終了の" + h.retentionDays + "日後に削除します（削除日は契約終了の記録時に決まります）");
    }

    public record Explanation(String en, String ja) {
    }
}
