package dev.mamori.console.rest;

import dev.mamori.console.charts.BarChart;
import dev.mamori.console.charts.CsvRows;
import dev.mamori.console.charts.Months;
import dev.mamori.console.client.ConsentApi;
import dev.mamori.console.client.RequestApi;
import dev.mamori.console.client.RequestRecordsApi;
import dev.mamori.console.client.ThirdPartyApi;
import dev.mamori.console.web.Staff;
import dev.mamori.web.JapanTime;
import dev.mamori.web.Messages;
import dev.mamori.web.PageOf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The page after sign-in: what needs action today (from the services' worklists) and trends over twelve months as
 * server-drawn charts. Figures are counts of what the services list; whether a request was answered in time is the
 * handling record's own column (request-service decides it), never recomputed here. A figure the person's role may
 * not read is shown as such.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardController {

    /** "This week": the next five business days, as request-service counts them. */
    static final int WEEK_BUSINESS_DAYS = 5;

    static final int CERTIFICATION_DAYS = 30;
    static final int MONTHS = 12;
    /** At most this many pages of 500 requests are counted for the monthly chart. */
    static final int MAX_PAGES = 20;

    /** A count, and whether the list it comes from had more than one page could hold. */
    public record Count(int value, boolean more) {}

    public record Today(
            Part<Count> pendingDecisions,
            Part<Count> dueThisWeek,
            Part<Count> overdue,
            Part<List<ThirdPartyApi.Expiring>> expiring) {}

    public record Trends(Part<BarChart> requestsByType, Part<BarChart> answeredInTime, Part<BarChart> consents) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Today today, Trends trends, int certificationDays);
    }

    private final RequestApi requests;
    private final RequestRecordsApi records;
    private final ConsentApi consent;
    private final ThirdPartyApi thirdparty;
    private final Staff staff;

    public DashboardController(
            @RestClient RequestApi requests,
            @RestClient RequestRecordsApi records,
            @RestClient ConsentApi consent,
            @RestClient ThirdPartyApi thirdparty,
            Staff staff) {
        this.requests = requests;
        this.records = records;
        this.consent = consent;
        this.thirdparty = thirdparty;
        this.staff = staff;
    }

    @GET
    public TemplateInstance dashboard() {
        Part<PageOf<RequestApi.Due>> due = Part.read(() -> requests.due(WEEK_BUSINESS_DAYS, 500));
        Today today = new Today(
                Part.read(() -> count(requests.search(List.of("PENDING_DECISION"), null, 500))),
                map(
                        due,
                        d -> new Count(
                                (int) d.items().stream()
                                        .filter(x -> !x.overdue())
                                        .count(),
                                d.next() != null)),
                map(
                        due,
                        d -> new Count(
                                (int) d.items().stream()
                                        .filter(RequestApi.Due::overdue)
                                        .count(),
                                d.next() != null)),
                Part.read(() -> thirdparty.expiring(CERTIFICATION_DAYS)));
        List<YearMonth> months = Months.last(LocalDate.now(JapanTime.ZONE), MONTHS);
        Trends trends = new Trends(
                Part.read(() -> requestsByType(months)),
                Part.read(() -> answeredInTime(months)),
                Part.read(() -> consents(months)));
        return Templates.dashboard(today, trends, CERTIFICATION_DAYS);
    }

    private BarChart requestsByType(List<YearMonth> months) {
        List<String> types = RequestsController.TYPES;
        int[][] counts = new int[types.size()][months.size()];
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            PageOf<RequestApi.Summary> found = records.page(null, offset, 500);
            for (RequestApi.Summary r : found.items()) {
                int t = types.indexOf(r.type());
                if (t >= 0) {
                    Months.count(months, counts[t], Months.of(r.receivedAt()));
                }
            }
            if (found.next() == null || !found.next().matches("[0-9]+")) {
                break;
            }
            offset = Integer.parseInt(found.next());
        }
        List<String> names = types.stream().map(t -> text("type." + t)).toList();
        return BarChart.stacked(text("dash.chart.requests"), Months.labels(months), names, counts, 0);
    }

    /** Share of the requests received each month that were answered by their due date (the record's own column). */
    private BarChart answeredInTime(List<YearMonth> months) {
        String csv = records.handlingRecord(
                months.get(0).atDay(1).toString(), LocalDate.now(JapanTime.ZONE).toString());
        int[] inTime = new int[months.size()];
        int[] late = new int[months.size()];
        for (Map<String, String> row : CsvRows.parse(csv)) {
            String answered = row.getOrDefault("answered_by_due_date", "");
            YearMonth month = Months.of(row.get("received_at"));
            if ("true".equals(answered)) {
                Months.count(months, inTime, month);
            } else if ("false".equals(answered)) {
                Months.count(months, late, month);
            }
        }
        int[][] shares = new int[2][months.size()];
        for (int i = 0; i < months.size(); i++) {
            int answered = inTime[i] + late[i];
            if (answered > 0) {
                shares[0][i] = Math.round(100f * inTime[i] / answered);
                shares[1][i] = 100 - shares[0][i];
            }
        }
        return BarChart.stacked(
                text("dash.chart.inTime"),
                Months.labels(months),
                List.of(text("dash.inTime"), text("dash.late")),
                shares,
                100);
    }

    /**
     * Consents given and withdrawn per month, from each purpose's consent-states export: it lists each person's
     * latest answer, so a consent given and later replaced is counted once (the export has no full history).
     */
    private BarChart consents(List<YearMonth> months) {
        int[][] counts = new int[2][months.size()];
        for (ConsentApi.Purpose purpose : consent.purposes(0, 100).items()) {
            for (Map<String, String> row : CsvRows.parse(consent.consentStates(purpose.code()))) {
                Months.count(months, counts[0], Months.of(row.get("captured_at")));
                Months.count(months, counts[1], Months.of(row.get("withdrawn_at")));
            }
        }
        return BarChart.grouped(
                text("dash.chart.consents"),
                Months.labels(months),
                List.of(text("dash.given"), text("dash.withdrawn")),
                counts);
    }

    private static Count count(PageOf<?> page) {
        return new Count(page.items().size(), page.next() != null);
    }

    private static <T, R> Part<R> map(Part<T> part, java.util.function.Function<T, R> f) {
        return part.ok()
                ? new Part<>(f.apply(part.value()), part.status(), null)
                : new Part<>(null, part.status(), part.problem());
    }

    private String text(String key) {
        return Messages.get(staff.locale(), key);
    }
}
