package dev.mamori.retention.service;

import dev.mamori.retention.Holding;
import dev.mamori.retention.HoldingRule;
import dev.mamori.retention.RetentionBasis;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * When a holding is due for deletion, and why, in words a privacy officer can repeat to the person.
 *
 * <p>The convention: "keep N days from collection" means N calendar days in {@link RetentionConfig#zone()} (Japan,
 * which has no daylight saving, so exactly N × 24 hours) added to the collection instant. {@code deleteAfter} is the
 * first instant at which the data is due for deletion; it may be kept up to that instant and not past it.
 * {@code deleteOn} is that instant's date in the zone, the day the deletion run removes it. Collected
 * 2026-01-01T00:00:00+09:00 with 92 days → deleteAfter 2026-04-03T00:00:00+09:00, deleteOn 2026-04-03 (the
 * default: deleted 92 days after collection). A CONTRACT_END holding has no date until the client contract
 * ends; the date is then the contract end plus N days (APPI Art. 22: erase without delay once no longer needed).
 *
 * <p>A holding collected under a client contract also follows the contract: {@code endsOn} is the contract's last day
 * of service, so the contract ends at the start of the next day in the zone. Without an extension, a contract's
 * data is erased when the contract ends or when the category's period runs out, whichever is first ("when the
 * contract ends, recordings and data are erased"). An extension of the contract for the holding's category keeps it
 * while the contract runs and the extension's N days after it ends. The same rules run set-based in SQL when a
 * contract or a category changes ({@code HoldingRepository.RECOMPUTE}); tests hold the two to the same answers.
 */
@Singleton
public class RetentionPolicy {

    /**
     * The default period: the longest run of three consecutive months, so data collected in one quarter is gone by
     * the same day of the next (APPI Art. 22: erase once no longer needed); a client contract may extend it.
     */
    public static final int DEFAULT_DAYS_FROM_COLLECTION = 92;
    /** Erase as soon as the client contract ends: the entrusted service it was collected for is over (Art. 22). */
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

    /** The instant a contract whose last day of service is {@code endsOn} ends: the start of the next day. */
    public OffsetDateTime contractEnd(LocalDate endsOn) {
        return endsOn == null ? null : endsOn.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * The rule in force for a holding and its deletion instant, given its category's rule, its contract's last day
     * (null when it has no contract or no end yet) and the contract's extension for its category (null if none).
     */
    public Decision decide(
            OffsetDateTime collectedAt,
            RetentionBasis basis,
            int days,
            LocalDate contractEndsOn,
            UUID extensionId,
            Integer extensionDays) {
        OffsetDateTime end = contractEnd(contractEndsOn);
        if (extensionId != null) {
            return new Decision(
                    HoldingRule.EXTENSION,
                    end == null ? null : plusDays(end, extensionDays),
                    extensionId,
                    extensionDays);
        }
        if (basis == RetentionBasis.CONTRACT_END) {
            return new Decision(HoldingRule.CATEGORY, end == null ? null : plusDays(end, days), null, null);
        }
        OffsetDateTime byCollection = deleteAfter(collectedAt, basis, days);
        if (end != null && end.isBefore(byCollection)) {
            return new Decision(HoldingRule.CONTRACT_ENDED, end, null, null);
        }
        return new Decision(HoldingRule.CATEGORY, byCollection, null, null);
    }

    private OffsetDateTime plusDays(OffsetDateTime instant, int days) {
        return instant.atZoneSameInstant(zone).plusDays(days).toOffsetDateTime();
    }

    public record Decision(HoldingRule rule, OffsetDateTime deleteAfter, UUID extensionId, Integer extensionDays) {}

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
        LocalDate deleteOn = deleteOn(h.deleteAfter);
        String contract = h.contractRef;
        if (h.rule == HoldingRule.EXTENSION) {
            if (h.deleteAfter == null) {
                return new Explanation(
                        "kept while client contract " + contract + " runs and " + h.extensionDays + " days after it "
                                + "ends, because extension " + h.extensionId + " of the contract covers category "
                                + h.categoryCode + "; the date is set when the contract end is recorded",
                        "契約 " + contract + " の延長 " + h.extensionId + " がデータ区分 " + h.categoryCode
                                + " を対象とするため、契約期間中および契約終了から" + h.extensionDays
                                + "日間保管します（削除日は契約終了の記録時に決まります）");
            }
            LocalDate lastDay = h.deleteAfter
                    .atZoneSameInstant(zone)
                    .minusDays(h.extensionDays + 1L)
                    .toLocalDate();
            return new Explanation(
                    "delete on " + deleteOn + " because extension " + h.extensionId + " of client contract " + contract
                            + " keeps category " + h.categoryCode + " " + h.extensionDays
                            + " days after the contract ends (last day " + lastDay + ")",
                    "契約 " + contract + " の延長 " + h.extensionId + " によりデータ区分 " + h.categoryCode
                            + " を契約終了から" + h.extensionDays + "日間保管するため、" + deleteOn
                            + " に削除します（契約最終日 " + lastDay + "）");
        }
        if (h.rule == HoldingRule.CONTRACT_ENDED) {
            LocalDate lastDay = deleteOn.minusDays(1);
            return new Explanation(
                    "delete on " + deleteOn + " because client contract " + contract + " ended (last day " + lastDay
                            + ") before category " + h.categoryCode + "'s " + h.retentionDays
                            + " days from collection ran out (collected on " + collectedOn + ")",
                    "契約 " + contract + " が終了したため（契約最終日 " + lastDay + "）、データ区分 " + h.categoryCode
                            + " の保管期間（収集日から" + h.retentionDays + "日）の満了前に、" + deleteOn
                            + " に削除します（収集日 " + collectedOn + "）");
        }
        if (h.retentionBasis == RetentionBasis.COLLECTION) {
            return new Explanation(
                    "delete on " + deleteOn + " because category " + h.categoryCode + " keeps data " + h.retentionDays
                            + " days from collection (collected on " + collectedOn + ")",
                    "データ区分 " + h.categoryCode + " は収集日から" + h.retentionDays + "日間保管するため、" + deleteOn + " に削除します（収集日 "
                            + collectedOn + "）");
        }
        if (h.deleteAfter != null) {
            LocalDate lastDay = h.deleteAfter
                    .atZoneSameInstant(zone)
                    .minusDays(h.retentionDays + 1L)
                    .toLocalDate();
            return new Explanation(
                    "delete on " + deleteOn + " because category " + h.categoryCode + " keeps data "
                            + h.retentionDays + " days after client contract " + contract + " ends (last day "
                            + lastDay + ")",
                    "データ区分 " + h.categoryCode + " は契約 " + contract + " の終了から" + h.retentionDays + "日間保管するため、" + deleteOn
                            + " に削除します（契約最終日 " + lastDay + "）");
        }
        if (h.retentionDays == 0) {
            return new Explanation(
                    "delete when the client contract ends, because category " + h.categoryCode
                            + " is kept only while the contract runs; the date is set when the contract end is recorded",
                    "データ区分 " + h.categoryCode + " はクライアントとの契約期間中のみ保管するため、契約終了時に削除します" + "（削除日は契約終了の記録時に決まります）");
        }
        return new Explanation(
                "delete " + h.retentionDays + " days after the client contract ends, because category " + h.categoryCode
                        + " is kept until then; the date is set when the contract end is recorded",
                "データ区分 " + h.categoryCode + " はクライアントとの契約終了から" + h.retentionDays + "日間保管するため、契約終了の" + h.retentionDays
                        + "日後に削除します（削除日は契約終了の記録時に決まります）");
    }

    public record Explanation(String en, String ja) {}
}
