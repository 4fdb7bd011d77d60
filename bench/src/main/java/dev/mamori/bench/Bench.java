package dev.mamori.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.launcher.Database;
import dev.mamori.launcher.Part;
import dev.mamori.launcher.Suite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/run: starts the suite on its own ports with the launcher, loads a client company's data through the API,
 * runs every scenario after a warm-up for several interleaved rounds against its ceiling, profiles, and writes the
 * report. Everything it started is stopped on the way out, whatever happens.
 */
public final class Bench {

    static final String TENANT = "tenant-a";
    static final String PURGE_TENANT = "tenant-c";
    static final int BATCH_ROWS = 5000;
    static final int DECISION_BATCH = 100;
    static final Map<Part, Integer> PORTS = Map.of(Part.POSTGRES, 15433, Part.KEYCLOAK, 18180, Part.CONSENT, 18081,
            Part.REQUEST, 18082, Part.RETENTION, 18083, Part.THIRDPARTY, 18084, Part.INCIDENT, 18085,
            Part.CONSOLE, 18095, Part.MAIL, 18025);
    static final int KEYCLOAK_MANAGEMENT_PORT = 19180;
    static final int MAIL_IMAP_PORT = 18143;
    static final int BASELINE_PORT = 18090;
    static final int PROBE_PORT = 18091;

    /** What the command line asked for. */
    record Options(boolean smoke, int rounds, int seconds, int warmup, int profileSeconds, int subjects,
                   int apiSubjects, int connections, Path data, Path root, boolean update, Set<String> only,
                   Set<String> writes, Map<String, List<String>> startupVariants, String command) {

        /** The parts of the writes scenario {@code --writes} can name; all of them when it is not given. */
        static final Set<String> WRITE_PARTS = Set.of("consent", "replicas", "holding", "intake", "imports");

        static Options parse(String[] args) {
            boolean smoke = Arrays.asList(args).contains("--smoke");
            int rounds = smoke ? 1 : 3;
            int seconds = smoke ? 3 : 20;
            int warmup = smoke ? 2 : 10;
            int profile = smoke ? 3 : 15;
            int subjects = smoke ? 2_000 : 100_000;
            int apiSubjects = -1;
            int connections = 32;
            Path data = Path.of(System.getenv().getOrDefault("MAMORI_BENCH_DATA", "/var/tmp/mamori-bench"));
            Path root = Path.of(System.getProperty("mamori.root", ".")).toAbsolutePath().normalize();
            boolean update = !smoke;
            Set<String> only = new HashSet<>();
            Set<String> writes = new HashSet<>();
            Map<String, List<String>> startupVariants = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--smoke" -> { }
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--profile-seconds" -> profile = Integer.parseInt(args[++i]);
                    case "--subjects" -> subjects = Integer.parseInt(args[++i]);
                    case "--api-subjects" -> apiSubjects = Integer.parseInt(args[++i]);
                    case "--connections" -> connections = Integer.parseInt(args[++i]);
                    case "--data" -> data = Path.of(args[++i]);
                    case "--no-update" -> update = false;
                    case "--update" -> update = true;
                    case "--only" -> only.addAll(List.of(args[++i].split(",")));
                    case "--writes" -> {
                        // Only these parts of the writes scenario (the commit ceilings always run): a change to one
                        // write path is measured in a minute instead of the whole scenario's several.
                        for (String w : args[++i].split(",")) {
                            if (!WRITE_PARTS.contains(w)) {
                                throw new IllegalArgumentException("--writes takes " + WRITE_PARTS + ", not " + w);
                            }
                            writes.add(w);
                        }
                    }
                    case "--startup-variant" -> {
                        // label=JVM options added after the launcher's (-Dkey=value sets a Quarkus property), so a
                        // setting is compared with the launcher's start in the same run, rounds interleaved.
                        String v = args[++i];
                        int eq = v.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--startup-variant wants label=options, not " + v);
                        }
                        startupVariants.put(v.substring(0, eq).trim(), List.of(v.substring(eq + 1).trim().split("\\s+")));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see bench/run --help)");
                }
            }
            String command = System.getProperty("bench.command", "bench/run " + String.join(" ", args)).trim();
            if (apiSubjects < 0) {
                apiSubjects = Math.min(subjects, 20_000); // 100,000 consents through the import API, the rest by SQL
            }
            return new Options(smoke, rounds, seconds, warmup, profile, subjects, Math.min(apiSubjects, subjects),
                    connections, data.toAbsolutePath(), root, update, Set.copyOf(only), Set.copyOf(writes),
                    startupVariants, command);
        }

        boolean wants(String scenario) {
            return only.isEmpty() || only.contains(scenario);
        }

        /** Whether the writes scenario runs {@code part} (one of {@link #WRITE_PARTS}). */
        boolean wantsWrite(String part) {
            return writes.isEmpty() || writes.contains(part);
        }
    }

    private final Options o;
    private final Report report = new Report();
    private final List<Double> loads = new CopyOnWriteArrayList<>();
    private final List<String> suiteLines = new CopyOnWriteArrayList<>();
    private final String run = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    private final AtomicInteger uniq = new AtomicInteger();
    /** 2xx answers per target over every run of it (warm-up and profiling included): what a caller was told. */
    private final Map<String, Long> answered = new java.util.concurrent.ConcurrentHashMap<>();
    /** Non-2xx answers and socket errors per target over every run of it. */
    private final Map<String, Long> failed = new java.util.concurrent.ConcurrentHashMap<>();
    private Suite suite;
    private Wrk wrk;
    private Process baseline;
    private long postgresPid = -1;
    private List<String> purposes;
    private final Set<Part> running = new java.util.LinkedHashSet<>();
    private String partnerRecipient;
    private Path work;

    private Bench(Options o) {
        this.o = o;
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        int exit = new Bench(o).run();
        System.exit(exit);
    }

    private int run() {
        long t0 = System.nanoTime();
        work = o.data().resolve("bench");
        Thread sampler = new Thread(this::sampleLoad, "bench-loadavg");
        sampler.setDaemon(true);
        try {
            Files.createDirectories(work);
            deleteTree(work.resolve("jfr")); // recordings of earlier runs
            describeMachine();
            wrk = new Wrk(work, 2);
            sampler.start();
            startSuite();
            if (!o.only().equals(Set.of("startup"))) {
                loadData(); // the start-up scenario reads none of it
            }
            scenario("decision", this::decisions);
            scenario("batch", this::batchDecisions);
            scenario("ingestion", this::ingestion);
            scenario("writes", this::writes);
            scenario("purge", this::purge);
            scenario("disclosure", this::disclosure);
            scenario("console", this::console);
            scenario("scope", this::scope);
            scenario("startup", this::startup);
            memoryAfterLoad();
        } catch (RuntimeException | IOException e) {
            report.failed("run", firstLine(String.valueOf(e.getMessage())) + " — " + cause(String.valueOf(e.getMessage())));
            e.printStackTrace();
        } finally {
            Procs.stop(baseline);
            if (suite != null) {
                suite.close();
            }
            Procs.stopStarted();
        }
        double[] end = Procs.loadAverage();
        report.fact("Load average during the run", loadSummary() + "; at the end " + fmt(end[0]) + " / "
                + fmt(end[1]) + " / " + fmt(end[2]));
        report.fact("Run took", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - t0) / 60e9));
        return write();
    }

    // ---- set-up -----------------------------------------------------------------------------------------------

    private void describeMachine() throws IOException {
        double[] load = Procs.loadAverage();
        report.fact("Date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        report.fact("Command", "`" + o.command() + "`" + (o.smoke() ? " (smoke: figures are indicative only)" : ""));
        report.fact("Machine", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + memTotal() + " memory; " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.fact("Software", "JDK " + System.getProperty("java.runtime.version") + ", " + Wrk.version()
                + ", PostgreSQL (embedded, zonky) and Keycloak from the launcher");
        report.fact("Settings", o.rounds() + " rounds of " + o.seconds() + " s after a " + o.warmup()
                + " s warm-up per target; wrk -t2 -c" + o.connections() + " on the same cores as the servers; "
                + String.format(Locale.ROOT, "%,d", o.subjects()) + " subjects × " + Data.PURPOSES.length
                + " purposes of consents for " + TENANT);
        report.fact("Load average before start", fmt(load[0]) + " / " + fmt(load[1]) + " / " + fmt(load[2])
                + " (1 / 5 / 15 min)");
    }

    private void startSuite() {
        List<String> stale = new ArrayList<>();
        for (String v : List.of("DB_HOST")) {
            if (System.getenv(v) != null) {
                stale.add(v);
            }
        }
        if (!stale.isEmpty()) {
            throw new BenchException("unset " + stale + ": the bench starts its own PostgreSQL");
        }
        // A service that cannot start (a module half-way through a change, say) is left out with a line in the
        // report rather than taking the whole run down: the suite is started again without it.
        Set<Part> services = new java.util.LinkedHashSet<>(Part.services());
        if (o.wants("console")) {
            // Only when its scenario runs: on two cores an idle JVM more still costs the other figures a little.
            services.add(Part.CONSOLE);
        }
        long t0 = System.nanoTime();
        while (true) {
            Suite.Builder b = Suite.builder().root(o.root()).dataDir(o.data()).fresh(true)
                    .keycloakManagementPort(KEYCLOAK_MANAGEMENT_PORT)
                    .mailImapPort(MAIL_IMAP_PORT)
                    .serviceEnv("MAMORI_BENCH_ENABLED", "true")
                    // The services call each other at their default ports unless told otherwise.
                    .serviceEnv("CONSENT_SERVICE_URL", "http://localhost:" + PORTS.get(Part.CONSENT))
                    .serviceEnv("RETENTION_SERVICE_URL", "http://localhost:" + PORTS.get(Part.RETENTION))
                    .serviceEnv("THIRDPARTY_SERVICE_URL", "http://localhost:" + PORTS.get(Part.THIRDPARTY))
                    .serviceEnv("REQUEST_SERVICE_URL", "http://localhost:" + PORTS.get(Part.REQUEST))
                    .serviceEnv("INCIDENT_SERVICE_URL", "http://localhost:" + PORTS.get(Part.INCIDENT))
                    .only(services)
                    .output(line -> {
                        suiteLines.add(line);
                        System.out.println("[suite] " + line);
                    });
            PORTS.forEach(b::port);
            try {
                suite = b.start();
                break;
            } catch (dev.mamori.launcher.SuiteException e) {
                String msg = String.valueOf(e.getMessage());
                Part failed = services.stream().filter(p -> msg.startsWith(p.id() + " ")).findFirst().orElse(null);
                if (failed == null || services.size() == 1) {
                    throw e;
                }
                services.remove(failed);
                report.failed(failed.id(), "did not start, so the bench ran without it: " + firstLine(msg)
                        + " — " + cause(msg) + " (log: " + o.data().resolve("logs").resolve(failed.id() + ".log") + ")");
                suiteLines.clear();
            }
        }
        running.addAll(services);
        report.note(String.format(Locale.ROOT, "The suite (PostgreSQL, Keycloak, %s) started in %.0f s.",
                String.join(", ", running.stream().map(Part::id).toList()), (System.nanoTime() - t0) / 1e9));
        postgresPid = Procs.postmaster(suite.database().port()).orElse(-1);
        // Ready times as the launcher saw them: all four services start at once on the same two cores.
        Pattern ready = Pattern.compile("^(\\S+-service) ready in ([0-9.]+) s");
        StringBuilder together = new StringBuilder();
        for (String line : suiteLines) {
            Matcher m = ready.matcher(line);
            if (m.find()) {
                together.append(together.length() == 0 ? "" : ", ").append(m.group(1)).append(' ').append(m.group(2))
                        .append(" s");
            }
        }
        report.fact("Services started together by the launcher (ready after)", together.toString());
        StringBuilder rss = new StringBuilder();
        for (Part p : running) {
            rss.append(rss.length() == 0 ? "" : ", ").append(p.id()).append(' ').append(mb(Procs.rssKb(pid(p))));
        }
        report.fact("Resident memory right after the suite started", rss.toString());
    }

    private long pid(Part p) {
        OptionalLong pid = Procs.pidFromFile(o.data().resolve("run").resolve(p.id() + ".pid"));
        if (pid.isEmpty()) {
            throw new BenchException("no running " + p.id() + " (its pid file under " + o.data() + "/run is missing)");
        }
        return pid.getAsLong();
    }

    /** Skips the scenario (with a line in the report) unless these services run. */
    private void need(Part... parts) {
        for (Part p : parts) {
            if (!running.contains(p)) {
                throw new Skip(p.id() + " is not running (it did not start; see above)");
            }
        }
    }

    static final class Skip extends BenchException {
        Skip(String message) {
            super(message);
        }
    }

    private String token(String client) {
        return suite.token(client);
    }

    private URI url(Part p, String path) {
        return URI.create("http://127.0.0.1:" + suite.port(p) + path);
    }

    // ---- data ------------------------------------------------------------------------------------------------

    private void loadData() {
        need(Part.CONSENT);
        String officer = token(TENANT + "-privacy-officer");
        purposes = Data.purposeCodes();
        for (String[] p : Data.PURPOSES) {
            Api.post(url(Part.CONSENT, "/v1/purposes"), officer, Api.json(Data.purpose(p)), "purpose-" + p[0])
                    .expect(201);
        }
        // Consents: the bulk import API in chunks of 5,000 (1,000 people × 5 purposes), two calls at a time. This
        // is the whole data set, and it is also the first consent batch-ingestion figure.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String client = token(TENANT + "-client-system");
        int perChunk = BATCH_ROWS / purposes.size();
        int chunks = (o.apiSubjects() + perChunk - 1) / perChunk;
        long t0 = System.nanoTime();
        parallel(chunks, 2, c -> {
            List<Object> rows = new ArrayList<>(BATCH_ROWS);
            for (int n = c * perChunk + 1; n <= Math.min(o.apiSubjects(), (c + 1) * perChunk); n++) {
                for (int j = 0; j < purposes.size(); j++) {
                    rows.add(Data.consent(Data.subject("cust-", n), n, purposes.get(j), j, now));
                }
            }
            Api.post(url(Part.CONSENT, "/v1/consents/import"), client, Api.json(Map.of("consents", rows)),
                    "load-" + run + "-" + c).expect(201);
            if (c % 10 == 9) {
                System.out.printf("[bench] loaded consents of %,d people%n", (c + 1) * perChunk);
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        long apiConsents = (long) o.apiSubjects() * purposes.size();
        long consents = (long) o.subjects() * purposes.size();
        report.row("data load", "consents through POST /v1/consents/import (5,000 per call, 2 in parallel)",
                String.format(Locale.ROOT, "%,d in %.0f s = %,.0f consents/s", apiConsents, secs, apiConsents / secs),
                null, null, null, null);
        String how;
        if (o.subjects() > o.apiSubjects()) {
            double sqlSecs = sqlConsents(o.apiSubjects() + 1, o.subjects());
            how = String.format(Locale.ROOT, "the first %,d people (%,d consents) through the bulk import API, the "
                    + "other %,d people by one SQL INSERT … SELECT (%.0f s) of the same shape", o.apiSubjects(),
                    apiConsents, o.subjects() - o.apiSubjects(), sqlSecs);
        } else {
            how = "all through the bulk import API (no SQL)";
        }
        settle(Part.CONSENT, "consent");
        report.fact("Data", String.format(Locale.ROOT, "%,d consents of %,d people for %s: %s; ledger categories and "
                + "%,d holdings through the batch API; tenant %s for purges", consents, o.subjects(), TENANT, how,
                o.subjects(), PURGE_TENANT));
        provisions(officer, client, now);

        if (!running.contains(Part.RETENTION)) {
            return;
        }
        // The ledger, and one call recording per person through the batch API.
        Api.post(url(Part.RETENTION, "/v1/data-categories"), officer, Api.json(Data.category("call-recording",
                "通話録音", List.of("氏名", "電話番号", "通話音声"), 3650)), "cat-rec").expect(201);
        Api.post(url(Part.RETENTION, "/v1/data-categories"), officer, Api.json(Data.category("inquiry-history",
                "問い合わせ履歴", List.of("氏名", "電話番号", "問い合わせ内容"), 1825)), "cat-inq").expect(201);
        OffsetDateTime yesterday = now.minusDays(1);
        int holdingChunks = (o.subjects() + BATCH_ROWS - 1) / BATCH_ROWS;
        t0 = System.nanoTime();
        parallel(holdingChunks, 2, c -> {
            List<Object> rows = new ArrayList<>(BATCH_ROWS);
            for (int n = c * BATCH_ROWS + 1; n <= Math.min(o.subjects(), (c + 1) * BATCH_ROWS); n++) {
                rows.add(Data.holding(Data.subject("cust-", n), "call-recording", "ivr-recorder",
                        yesterday.minusMinutes(n % 1440), "録音/2026/" + Data.subject("call-", n) + ".wav"));
            }
            Api.post(url(Part.RETENTION, "/v1/holdings/batch"), client, Api.json(Map.of("holdings", rows)),
                    "load-h-" + run + "-" + c).expect(201);
        });
        secs = (System.nanoTime() - t0) / 1e9;
        report.row("data load", "holdings through POST /v1/holdings/batch (5,000 per call, 2 in parallel)",
                String.format(Locale.ROOT, "%,d in %.0f s = %,.0f holdings/s", o.subjects(), secs, o.subjects() / secs),
                null, null, null, null);

    }

    /**
     * The rest of the people by SQL, in the shape the import writes (people without a birth date; no audit lines):
     * loading 500,000 consents through the API takes many minutes on two cores and measures nothing new.
     */
    private double sqlConsents(int from, int to) {
        Database db = suite.database();
        String sql = "INSERT INTO consent (id, tenant_id, subject_ref, purpose_id, purpose_code, purpose_version, "
                + "decision, method, channel, operator_ref, actor_subject, actor_client, notice_version, language, "
                + "captured_at, recorded_at, user_agent, anonymised_ip, recording_ref, expires_at, sensitive_categories) "
                + "SELECT gen_random_uuid(), p.tenant_id, 'cust-' || lpad(n::text, 6, '0'), p.id, p.code, 1, "
                + "CASE WHEN (n * 31 + p.ord * 17) % 10 = 0 THEN 'REFUSED' ELSE 'GIVEN' END, "
                + "CASE (n + p.ord) % 3 WHEN 0 THEN 'PHONE' WHEN 1 THEN 'WEB_FORM' ELSE 'PAPER' END, "
                + "CASE (n + p.ord) % 3 WHEN 0 THEN 'コールセンター（札幌）' WHEN 1 THEN 'https://example.jp/members/entry' "
                + "ELSE '申込書（郵送）' END, "
                + "CASE (n + p.ord) % 3 WHEN 0 THEN 'op-佐藤' END, 'bench-sql-load', NULL, '2026-04', 'ja', "
                + "now() - make_interval(days => 1 + n % 300), now(), NULL, NULL, "
                + "CASE (n + p.ord) % 3 WHEN 0 THEN 'rec-' || n END, NULL, '[]' "
                + "FROM generate_series(?, ?) AS n CROSS JOIN (SELECT id, code, tenant_id, "
                + "(row_number() OVER (ORDER BY created_order) - 1)::int AS ord FROM (SELECT id, code, tenant_id, "
                + "array_position(?::text[], code) AS created_order FROM purpose WHERE tenant_id = ? "
                + "AND code = ANY (?::text[])) q) p";
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.CONSENT.database()), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            java.sql.Array codes = c.createArrayOf("text", purposes.toArray());
            ps.setInt(1, from);
            ps.setInt(2, to);
            ps.setArray(3, codes);
            ps.setString(4, TENANT);
            ps.setArray(5, codes);
            int rows = ps.executeUpdate();
            try (var st = c.createStatement()) {
                st.execute("ANALYZE consent");
                // The decision cache never saw these people, but say so anyway: drop everything of the tenant.
                st.execute("INSERT INTO change_notice (channel, payload) VALUES ('consent_changed', '" + TENANT + "\t')");
            }
            System.out.printf("[bench] loaded %,d more consents by SQL%n", rows);
        } catch (SQLException e) {
            throw new BenchException("loading consents by SQL failed: " + e.getMessage(), e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Third-party provision records (APPI Art. 29) through thirdparty-service: a partner-referral purpose the first
     * 1,000 people consented to, a registered recipient, and records of 100 people each. Best effort: the API is
     * young, so a refusal is reported and the run goes on.
     */
    private void provisions(String officer, String client, OffsetDateTime now) {
        if (!running.contains(Part.THIRDPARTY)) {
            report.skip("provision records (data)", "thirdparty-service is not running");
            return;
        }
        if (!Api.operations(suite.url(Part.THIRDPARTY)).contains("POST /v1/provisions")) {
            report.skip("provision records (data)", "thirdparty-service has no POST /v1/provisions yet");
            return;
        }
        try {
            Map<String, Object> purpose = Data.purpose(new String[] {"partner-referral", "提携先へのご紹介",
                "お客様のご希望に応じて、提携する保険代理店へ氏名と連絡先を提供します。", "氏名,電話番号,ご相談内容"});
            purpose.put("thirdPartyProvision", true);
            purpose.put("recipientTypes", List.of("BUSINESS_PARTNER"));
            Api.post(url(Part.CONSENT, "/v1/purposes"), officer, Api.json(purpose), "purpose-partner").expect(201);
            int people = Math.min(1000, o.subjects());
            List<Object> rows = new ArrayList<>();
            for (int n = 1; n <= people; n++) {
                Map<String, Object> c = Data.consent(Data.subject("cust-", n), n, "partner-referral", 1, now);
                c.put("decision", "GIVEN");
                rows.add(c);
            }
            Api.post(url(Part.CONSENT, "/v1/consents/import"), client, Api.json(Map.of("consents", rows)),
                    "partner-" + run).expect(201);
            Map<String, Object> party = new LinkedHashMap<>();
            party.put("name", "株式会社さくら保険サービス");
            party.put("address", "東京都千代田区丸の内1-1-1 丸の内ビルディング12F");
            party.put("representative", "高橋 誠");
            party.put("kind", "CORPORATION");
            party.put("legalBasis", "CONSENT");
            String recipient = Api.post(url(Part.THIRDPARTY, "/v1/third-parties"), officer, Api.json(party),
                    "party-" + run).expect(201).json().path("id").asText();
            int records = 0;
            long t0 = System.nanoTime();
            for (int first = 1; first <= people; first += 100) {
                List<String> subjects = new ArrayList<>();
                for (int n = first; n < first + 100 && n <= people; n++) {
                    subjects.add(Data.subject("cust-", n));
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("recipientId", recipient);
                p.put("purpose", "partner-referral");
                p.put("subjectRefs", subjects);
                p.put("dataItems", List.of("氏名", "電話番号", "ご相談内容"));
                p.put("method", "EACH");
                p.put("providedOn", now.withOffsetSameInstant(Data.JST).toLocalDate().toString());
                Api.post(url(Part.THIRDPARTY, "/v1/provisions"), client, Api.json(p), "prov-" + run + "-" + first)
                        .expect(201);
                records++;
            }
            partnerRecipient = recipient;
            report.note(String.format(Locale.ROOT, "Loaded %d provision records of 100 people each to a partner "
                    + "(株式会社さくら保険サービス) in %.1f s, after those people's consent to partner-referral.", records,
                    (System.nanoTime() - t0) / 1e9));
        } catch (BenchException e) {
            report.skip("provision records (data)", "thirdparty-service refused them: " + firstLine(e.getMessage()));
        }
    }

    // ---- decision ----------------------------------------------------------------------------------------------

    private void decisions() {
        need(Part.CONSENT);
        String token = token(TENANT + "-client-system");
        long consentPid = pid(Part.CONSENT);
        String probe = "?subjectRef=cust-000001&purpose=" + purposes.get(0);
        JsonNode d = Api.get(url(Part.CONSENT, "/v1/decisions" + probe), token).expect(200).json();
        if (!d.has("allowed")) {
            throw new BenchException("the decision has no 'allowed': " + d);
        }
        startBaseline();
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("decision", base(Part.CONSENT), env("get", "/v1/decisions", token), Map.of(
                "consent-service", consentPid, "postgres", postgresPid), o.connections()));
        Api.Reply constant = Api.get(url(Part.CONSENT, "/v1/bench/constant"), token);
        boolean haveConstant = constant.status() == 200;
        if (haveConstant) {
            targets.add(new Target("constant", base(Part.CONSENT), env("get", "/v1/bench/constant", token),
                    Map.of("consent-service", consentPid), o.connections()));
        } else {
            report.skip("decision vs constant", "GET /v1/bench/constant answered " + constant.status()
                    + " (consent-service not built by bench/run with -Dmamori.bench=true, or mamori.bench.enabled not"
                    + " true)");
        }
        targets.add(new Target("baseline", "http://127.0.0.1:" + BASELINE_PORT, env("get", "/decision", ""),
                Map.of("baseline", baseline.pid(), "postgres", postgresPid), o.connections()));
        Map<String, List<Wrk.Result>> r = interleave(targets);

        List<Wrk.Result> dec = r.get("decision");
        Stats rps = stat(dec, Wrk.Result::rps);
        Stats p50 = stat(dec, Wrk.Result::p50Ms);
        Stats p99 = stat(dec, Wrk.Result::p99Ms);
        Stats base = stat(r.get("baseline"), Wrk.Result::rps);
        String c = "c" + o.connections();
        if (haveConstant) {
            Stats cons = stat(r.get("constant"), Wrk.Result::rps);
            Stats ratio = ratios(dec, r.get("constant"), Wrk.Result::rps);
            report.row("decision", "GET /v1/decisions, req/s (" + c + ")", rps.describe("%,.0f"),
                    "constant: " + cons.describe("%,.0f"), pct(ratio), "≥ 10,000 req/s and ≥ 50 % of constant",
                    rps.median() >= 10_000 && ratio.median() >= 0.5);
            report.row("decision", "constant answer, same service: p50 / p99 ms",
                    stat(r.get("constant"), Wrk.Result::p50Ms).describe("%.2f") + " / "
                            + stat(r.get("constant"), Wrk.Result::p99Ms).describe("%.2f"), null, null, null, null);
        }
        report.row("decision", "GET /v1/decisions vs plain Vert.x + pg client", rps.describe("%,.0f"),
                "plain: " + base.describe("%,.0f"), pct(ratios(dec, r.get("baseline"), Wrk.Result::rps)), null, null);
        report.row("decision", "GET /v1/decisions p50 ms", p50.describe("%.2f"),
                "plain: " + stat(r.get("baseline"), Wrk.Result::p50Ms).describe("%.2f"), null, null, null);
        report.row("decision", "GET /v1/decisions p99 ms", p99.describe("%.2f"),
                "plain: " + stat(r.get("baseline"), Wrk.Result::p99Ms).describe("%.2f"), null, "≤ 10 ms",
                p99.median() <= 10);
        report.row("decision", "server CPU µs per request (consent-service / its PostgreSQL)",
                stat(dec, x -> x.cpuMicrosPerRequest().getOrDefault("consent-service", Double.NaN)).describe("%.0f")
                        + " / " + stat(dec, x -> x.cpuMicrosPerRequest().getOrDefault("postgres", Double.NaN))
                        .describe("%.0f"),
                "plain: " + stat(r.get("baseline"), x -> x.cpuMicrosPerRequest().getOrDefault("baseline", Double.NaN))
                        .describe("%.0f") + " / " + stat(r.get("baseline"),
                        x -> x.cpuMicrosPerRequest().getOrDefault("postgres", Double.NaN)).describe("%.0f"),
                null, null, null);
        if (haveConstant) {
            report.row("decision", "constant answer: server CPU µs per request",
                    stat(r.get("constant"), x -> x.cpuMicrosPerRequest().getOrDefault("consent-service", Double.NaN))
                            .describe("%.0f"), null, null, null, null);
        }
        profile("decision: GET /v1/decisions at " + c, consentPid, targets.get(0));
    }

    private void batchDecisions() {
        need(Part.CONSENT);
        String token = token(TENANT + "-client-system");
        long consentPid = pid(Part.CONSENT);
        startBaseline();
        int conns = Math.max(2, o.connections() / 4);
        Map<String, String> envService = env("batch", "/v1/decisions/batch", token);
        Map<String, String> envBase = env("batch", "/batch", "");
        List<Target> targets = List.of(
                new Target("service", base(Part.CONSENT), envService, Map.of("consent-service", consentPid,
                        "postgres", postgresPid), conns),
                new Target("baseline", "http://127.0.0.1:" + BASELINE_PORT, envBase, Map.of("baseline", baseline.pid(),
                        "postgres", postgresPid), conns));
        Map<String, List<Wrk.Result>> r = interleave(targets);
        Stats svc = stat(r.get("service"), x -> x.rps() * DECISION_BATCH);
        Stats plain = stat(r.get("baseline"), x -> x.rps() * DECISION_BATCH);
        report.row("batch decision", "POST /v1/decisions/batch, " + DECISION_BATCH + " pairs per call (c" + conns
                        + "): decisions/s", svc.describe("%,.0f"), "plain: " + plain.describe("%,.0f"),
                pct(ratios(r.get("service"), r.get("baseline"), Wrk.Result::rps)), null, null);
        report.row("batch decision", "per call p50 / p99 ms", stat(r.get("service"), Wrk.Result::p50Ms).describe("%.1f")
                        + " / " + stat(r.get("service"), Wrk.Result::p99Ms).describe("%.1f"),
                "plain: " + stat(r.get("baseline"), Wrk.Result::p50Ms).describe("%.1f") + " / "
                        + stat(r.get("baseline"), Wrk.Result::p99Ms).describe("%.1f"), null, null, null);
        profile("batch decision: POST /v1/decisions/batch", consentPid, targets.get(0));
    }

    // ---- ingestion -----------------------------------------------------------------------------------------------

    /**
     * Holdings in batches of 5,000 against the same rows copied once more by plain SQL. Writes one by one and
     * consent imports are the {@code writes} scenario's, against the commit ceilings measured there.
     */
    private void ingestion() {
        need(Part.RETENTION);
        String client = token(TENANT + "-client-system");
        long retentionPid = pid(Part.RETENTION);
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        int batches = o.smoke() ? 1 : 4;
        List<Double> hb = new ArrayList<>();
        List<Double> hbPlain = new ArrayList<>();
        System.out.println("[bench] ingestion: warm-up");
        holdingBatches(client, 1, yesterday);
        for (int round = 1; round <= o.rounds(); round++) {
            System.out.println("[bench] ingestion: round " + round + " of " + o.rounds());
            String holdingTag = run + "-" + uniq.incrementAndGet();
            hb.add(holdingBatches(client, batches, yesterday, holdingTag));
            hbPlain.add(sqlClone(Part.RETENTION, "holding", "locator LIKE ?", "問い合わせ履歴/" + holdingTag + "/%",
                    batches * BATCH_ROWS));
        }
        Stats hbs = Stats.of(hb);
        report.row("ingestion", "holdings in batches of 5,000, POST /v1/holdings/batch (2 calls at a time): holdings/s",
                hbs.describe("%,.0f"), PLAIN_INSERT + Stats.of(hbPlain).describe("%,.0f"), pct(ratios(hb, hbPlain)),
                "≥ 10,000 holdings/s", hbs.median() >= 10_000);
        profileWhile("ingestion: POST /v1/holdings/batch", retentionPid, () -> holdingBatches(client,
                o.smoke() ? 1 : 4, yesterday));
    }

    /** {@code count} batches of 5,000 new holdings, two calls at a time; answers holdings per second. */
    private double holdingBatches(String token, int count, OffsetDateTime collectedAt) {
        return holdingBatches(token, count, collectedAt, run + "-" + uniq.incrementAndGet());
    }

    private double holdingBatches(String token, int count, OffsetDateTime collectedAt, String tag) {
        long t0 = System.nanoTime();
        parallel(count, 2, c -> {
            List<Object> rows = new ArrayList<>(BATCH_ROWS);
            for (int i = 0; i < BATCH_ROWS; i++) {
                int n = 1 + Math.floorMod((c * BATCH_ROWS + i) * 7919, o.subjects());
                rows.add(Data.holding(Data.subject("cust-", n), "inquiry-history", "crm", collectedAt.minusMinutes(i),
                        "問い合わせ履歴/" + tag + "/" + c + "-" + i));
            }
            Api.post(url(Part.RETENTION, "/v1/holdings/batch"), token, Api.json(Map.of("holdings", rows)),
                    "hb-" + tag + "-" + c).expect(201);
        });
        return (double) count * BATCH_ROWS / ((System.nanoTime() - t0) / 1e9);
    }

    /** {@code count} imports of 5,000 consents of new people, two calls at a time; answers consents per second. */
    private double consentBatches(String token, int count) {
        return consentBatches(token, count, run + "-" + uniq.incrementAndGet());
    }

    private double consentBatches(String token, int count, String tag) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int perChunk = BATCH_ROWS / purposes.size();
        long t0 = System.nanoTime();
        parallel(count, 2, c -> {
            List<Object> rows = new ArrayList<>(BATCH_ROWS);
            for (int i = 0; i < perChunk; i++) {
                int n = c * perChunk + i + 1;
                for (int j = 0; j < purposes.size(); j++) {
                    rows.add(Data.consent("imp-" + tag + "-" + n, n, purposes.get(j), j, now));
                }
            }
            Api.post(url(Part.CONSENT, "/v1/consents/import"), token, Api.json(Map.of("consents", rows)),
                    "cb-" + tag + "-" + c).expect(201);
        });
        return (double) count * perChunk * purposes.size() / ((System.nanoTime() - t0) / 1e9);
    }

    static final String PLAIN_INSERT = "plain SQL INSERT … SELECT of the same rows, 5,000 per statement: ";

    /**
     * The ceiling of a batch ingestion: the rows the API just wrote, copied once more with plain SQL, 5,000 rows per
     * statement, each committed (new ids, people and locators; columns with a default of their own, such as a
     * sequence, left to it). No JSON, no validation, no idempotency record, no audit line: what PostgreSQL alone
     * takes to store rows of this shape on this machine. Answers rows per second.
     */
    private double sqlClone(Part part, String table, String where, String arg, int expected) {
        Database db = suite.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(part.database()), db.user(), db.password())) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = ? AND table_schema = current_schema() AND is_generated = 'NEVER' "
                    + "AND (column_default IS NULL OR column_default NOT LIKE 'nextval%') AND is_identity = 'NO' "
                    + "ORDER BY ordinal_position")) {
                ps.setString(1, table);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            String suffix = "-plain" + uniq.incrementAndGet();
            List<String> select = columns.stream().map(col -> switch (col) {
                case "id" -> "gen_random_uuid()";
                case "subject_ref", "locator" -> "t." + col + " || '" + suffix + "'";
                default -> "t." + col;
            }).toList();
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE " + where
                    + " ORDER BY id")) {
                ps.setString(1, arg);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.size() < expected) {
                report.note("the plain SQL copy of " + table + " found " + ids.size() + " of " + expected + " rows");
            }
            c.setAutoCommit(true);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") SELECT " + String.join(", ", select) + " FROM " + table + " t WHERE t.id = ANY (?::uuid[])")) {
                for (int from = 0; from < ids.size(); from += BATCH_ROWS) {
                    ps.setArray(1, c.createArrayOf("text",
                            ids.subList(from, Math.min(from + BATCH_ROWS, ids.size())).toArray()));
                    ps.executeUpdate();
                }
            }
            return ids.size() / ((System.nanoTime() - t0) / 1e9);
        } catch (SQLException e) {
            throw new BenchException("the plain SQL copy of " + table + " failed: " + e.getMessage(), e);
        }
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    /** The tenant with few events whose writes are measured; tenant-a (most of the data) is measured beside it. */
    static final String WRITE_TENANT = "tenant-c";
    static final String PLAIN_COMMITS = "plain single-row INSERT; COMMIT over JDBC";

    /**
     * Writes one by one (consents, holdings, requests taken in) and consent imports, each against a ceiling measured
     * in the same run over the same PostgreSQL with the same settings (durable commits, as the launcher runs it):
     * {@value #PLAIN_COMMITS} on 1 and on 32 connections for the same seconds, rounds interleaved with the
     * service's; for imports, the same rows sent back as one multi-row INSERT per 5,000. Every body is unique (new
     * person, locator and Idempotency-Key per request); afterwards the rows each table gained are compared with the
     * 2xx answers, so an acknowledged write that is not there shows.
     */
    private void writes() throws IOException {
        need(Part.CONSENT);
        String officer = token(WRITE_TENANT + "-privacy-officer");
        String client = token(WRITE_TENANT + "-client-system");
        String clientA = token(TENANT + "-client-system");
        for (String[] p : Data.PURPOSES) {
            Api.post(url(Part.CONSENT, "/v1/purposes"), officer, Api.json(Data.purpose(p)), "purpose-w-" + run + "-"
                    + p[0]).expect(201, 409);
        }
        createCommitTable();
        report.note("Writes: " + tenantSizes() + " before the writes scenario; consents one by one are measured for "
                + WRITE_TENANT + " and at c" + o.connections() + " for " + TENANT + " too, so growth with a tenant's "
                + "size shows.");
        int c = o.connections();
        long consentPid = pid(Part.CONSENT);
        Map<String, Long> watchConsent = Map.of("consent-service", consentPid, "postgres", postgresPid);
        Map<String, Long> watchPg = Map.of("postgres", postgresPid);
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("commit-c1", null, Map.of(), watchPg, 1, s -> plainCommits(1, s)));
        targets.add(new Target("commit-c" + c, null, Map.of(), watchPg, c, s -> plainCommits(c, s)));
        Target consentC = new Target("consent-c-c" + c, base(Part.CONSENT), env("consent", "/v1/consents", client),
                watchConsent, c);
        boolean consents = o.wantsWrite("consent");
        if (consents) {
            targets.add(new Target("consent-c-c1", base(Part.CONSENT), env("consent", "/v1/consents", client),
                    watchConsent, 1));
            targets.add(consentC);
            targets.add(new Target("consent-a-c" + c, base(Part.CONSENT), env("consent", "/v1/consents", clientA),
                    watchConsent, c));
        }
        // What a consent costs the service before any database work (token, JSON, validation, the answer): the same
        // requests to the bench build's floor, which reads and writes nothing.
        Target floor = null;
        if (consents) {
            Api.Reply probe = Api.post(url(Part.CONSENT, "/v1/bench/consent"), client, Api.json(Data.consent(
                    "cust-floor", 1, "call-center-support", 0, OffsetDateTime.now(ZoneOffset.UTC))), null);
            if (probe.status() == 201) {
                floor = new Target("floor-c" + c, base(Part.CONSENT), env("consent", "/v1/bench/consent", client),
                        watchConsent, c);
                targets.add(targets.indexOf(consentC) + 1, floor);
            } else {
                report.skip("writes: a consent's floor", "POST /v1/bench/consent answered " + probe.status()
                        + " (consent-service not built by bench/run with -Dmamori.bench=true)");
            }
        }
        Target holding = null;
        if (!o.wantsWrite("holding")) {
            report.note("writes: holdings one by one not run (--writes)");
        } else if (running.contains(Part.RETENTION)) {
            Api.post(url(Part.RETENTION, "/v1/data-categories"), officer, Api.json(Data.category("call-recording",
                    "通話録音", List.of("氏名", "電話番号", "通話音声"), 3650)), "cat-w-" + run).expect(201, 409);
            holding = new Target("holding-c" + c, base(Part.RETENTION), env("holding", "/v1/holdings", client),
                    Map.of("retention-service", pid(Part.RETENTION), "postgres", postgresPid), c);
            targets.add(holding);
        } else {
            report.skip("writes: holdings one by one", "retention-service is not running");
        }
        Target intake = null;
        if (!o.wantsWrite("intake")) {
            report.note("writes: request intake one by one not run (--writes)");
        } else if (running.contains(Part.REQUEST)) {
            intake = new Target("intake-c" + c, base(Part.REQUEST), env("intake", "/v1/requests",
                    token(WRITE_TENANT + "-operator")), Map.of("request-service", pid(Part.REQUEST), "postgres",
                    postgresPid), c);
            targets.add(intake);
        } else {
            report.skip("writes: request intake one by one", "request-service is not running");
        }
        // The same consents through two replicas of consent-service on the one database, half the connections
        // each: the issue's "two replicas writing for one tenant lose nothing and serialise nothing", shown by the
        // rows against the answers (checkStored), the backends PostgreSQL finds waiting on a lock, and the chain.
        Process replica = consents && o.wantsWrite("replicas") ? startReplica() : null;
        Target twoReplicas = null;
        if (replica != null) {
            long replicaPid = replica.pid();
            twoReplicas = new Target("consent-c-2r-c" + c, null, Map.of(), Map.of(), c,
                    s -> twoReplicas(consentC, replicaPid, s));
            targets.add(targets.indexOf(consentC) + 1, twoReplicas);
            targets.set(targets.indexOf(consentC), sampled(consentC));
        }
        Map<String, Long> before = writeCounts();
        Map<String, List<Wrk.Result>> r;
        try {
            r = interleave(targets);
        } finally {
            if (replica != null) {
                Procs.stop(replica);
            }
        }

        List<Wrk.Result> ceiling = r.get("commit-c" + c);
        List<Wrk.Result> ceiling1 = r.get("commit-c1");
        report.row("writes", "ceiling: " + PLAIN_COMMITS + " (c" + c + "): commits/s",
                stat(ceiling, Wrk.Result::rps).describe("%,.0f"), null, null, null, null);
        report.row("writes", "ceiling (c" + c + "): p50 / p99 ms; PostgreSQL CPU µs per commit", latencies(ceiling)
                + "; " + cpu(ceiling, "postgres"), null, null, null, null);
        report.row("writes", "ceiling: the same at c1: commits/s; p50 / p99 ms",
                stat(ceiling1, Wrk.Result::rps).describe("%,.0f") + "; " + latencies(ceiling1), null, null, null,
                null);
        String target = "≥ 25 % of the ceiling and p99 ≤ 50 ms";
        if (consents) {
            writeRows("consents one by one, POST /v1/consents, " + WRITE_TENANT + " (few events), c1",
                    r.get("consent-c-c1"), ceiling1, "consent-service", null);
            writeRows("consents one by one, POST /v1/consents, " + WRITE_TENANT + " (few events), c" + c,
                    r.get(consentC.name()), ceiling, "consent-service", target);
        }
        if (floor != null) {
            List<Wrk.Result> floorResults = r.get(floor.name());
            report.row("writes", "a consent's floor: the same requests to POST /v1/bench/consent (token, JSON, "
                            + "validation, answer; nothing read or written), c" + c + ": requests/s",
                    stat(floorResults, Wrk.Result::rps).describe("%,.0f"), "plain commits at the same c: "
                            + stat(ceiling, Wrk.Result::rps).describe("%,.0f"), pct(ratios(floorResults, ceiling,
                            Wrk.Result::rps)), null, null);
            report.row("writes", "a consent's floor, c" + c + ": p50 / p99 ms; CPU µs per request (consent-service)",
                    latencies(floorResults) + "; " + cpu(floorResults, "consent-service"), null, null, null, null);
        }
        if (twoReplicas != null) {
            List<Wrk.Result> two = r.get(twoReplicas.name());
            writeRows("consents one by one through two replicas of consent-service on one database (c" + (c / 2)
                    + " each), " + WRITE_TENANT + ", c" + c, two, ceiling, "consent-service", target);
            Stats against = ratios(two, r.get(consentC.name()), Wrk.Result::rps);
            // On one machine the two JVMs share its cores with PostgreSQL and wrk, so this ratio measures CPU, not
            // serialisation (the lock waits below do); on separate nodes each replica brings its own cores.
            report.row("writes", "two replicas against one on the same cores (CPU per write decides; see the lock "
                    + "waits): writes/s", pct(against), null, null, null, null);
            List<Double> oneWaits = lockWaits.getOrDefault(consentC.name(), List.of());
            List<Double> twoWaits = lockWaits.getOrDefault(twoReplicas.name(), List.of());
            report.row("writes", "backends of consent's database waiting on a lock, mean of 20 ms samples during "
                            + "the rounds: one replica / two replicas",
                    (oneWaits.isEmpty() ? "–" : Stats.of(oneWaits).describe("%.2f")) + " / "
                            + (twoWaits.isEmpty() ? "–" : Stats.of(twoWaits).describe("%.2f")),
                    null, null, "< 1 (a tenant-wide lock held to commit kept ~" + c + " waiting)",
                    !twoWaits.isEmpty() && Stats.of(twoWaits).median() < 1);
            report.row("writes", WRITE_TENANT + "'s audit chain in consent-service after both replicas wrote "
                    + "(GET /v1/audit-events/verification)", chainAfterWrites(), null, null, "intact",
                    chainIntact);
        }
        if (consents) {
            writeRows("consents one by one, POST /v1/consents, " + TENANT + " (most data), c" + c,
                    r.get("consent-a-c" + c), ceiling, "consent-service", target);
        }
        if (holding != null) {
            writeRows("holdings one by one, POST /v1/holdings, " + WRITE_TENANT + ", c" + c, r.get(holding.name()),
                    ceiling, "retention-service", target);
        }
        if (intake != null) {
            writeRows("requests taken in one by one, POST /v1/requests, " + WRITE_TENANT + ", c" + c,
                    r.get(intake.name()), ceiling, "request-service", target);
        }

        if (consents) {
            profile("writes: POST /v1/consents one by one, " + WRITE_TENANT + ", c" + c, consentPid, consentC);
        }
        if (holding != null) {
            profile("writes: POST /v1/holdings one by one, c" + c, pid(Part.RETENTION), holding);
        }
        if (intake != null) {
            profile("writes: POST /v1/requests one by one, c" + c, pid(Part.REQUEST), intake);
        }
        checkStored(before, writeCounts(), targets);
        if (o.wantsWrite("imports")) {
            imports(client, consentPid);
        } else {
            report.note("writes: consent imports not run (--writes)");
        }
    }

    static final int REPLICA_PORT = 18092;
    private final Map<String, List<Double>> lockWaits = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean chainIntact;

    /** A second consent-service on the same database, started with the launcher's own flags; null if it fails. */
    private Process startReplica() throws IOException {
        Path log = work.resolve("replica-consent-service.log");
        ProcessBuilder pb = serviceProcess(Part.CONSENT, jvmArgs(AS_LAUNCHED, Part.CONSENT, null), REPLICA_PORT, log);
        Process proc = Procs.track(pb.start());
        URI ready = URI.create(base(REPLICA_PORT) + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && proc.isAlive()) {
            try {
                if (Api.get(ready, null).status() == 200) {
                    System.out.println("[bench] a second consent-service replica is ready on " + REPLICA_PORT);
                    return proc;
                }
            } catch (BenchException notYet) {
                // not listening yet
            }
            sleep(50);
        }
        Procs.stop(proc);
        report.skip("writes: two replicas", "the second consent-service did not start; see " + log);
        return null;
    }

    /** The target as it is, with PostgreSQL's lock waits sampled while it runs. */
    private Target sampled(Target t) {
        return new Target(t.name(), t.url(), t.env(), t.watch(), t.connections(), s -> {
            LockSampler waits = new LockSampler(Part.CONSENT);
            try {
                return wrk.run(t.url(), t.connections(), s, withRun(t.env()), t.watch());
            } finally {
                lockWaits.computeIfAbsent(t.name(), k -> new CopyOnWriteArrayList<>()).add(waits.stop());
            }
        });
    }

    /**
     * The one-replica target's load split over the suite's consent-service and the second replica at once (half
     * the connections each), reported as one run: requests added up, the worse p99, CPU per write of both JVMs.
     */
    private Wrk.Result twoReplicas(Target one, long replicaPid, int seconds) {
        int half = one.connections() / 2;
        LockSampler waits = new LockSampler(Part.CONSENT);
        Map<String, Long> watch = Map.of("consent-service", pid(Part.CONSENT), "replica", replicaPid, "postgres",
                postgresPid);
        java.util.concurrent.CompletableFuture<Wrk.Result> first = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> wrk.run(one.url(), half, seconds, withRun(one.env()), watch));
        Wrk.Result b;
        Wrk.Result a;
        try {
            b = wrk.run(base(REPLICA_PORT), one.connections() - half, seconds, withRun(one.env()), Map.of());
            a = first.join();
        } finally {
            lockWaits.computeIfAbsent("consent-c-2r-c" + one.connections(), k -> new CopyOnWriteArrayList<>())
                    .add(waits.stop());
        }
        long total = a.requests() + b.requests();
        double share = total == 0 ? 0 : a.requests() / (double) total;
        Map<String, Double> cpu = new LinkedHashMap<>();
        if (a.cpuMicrosPerRequest().containsKey("consent-service") && a.cpuMicrosPerRequest().containsKey("replica")) {
            cpu.put("consent-service", (a.cpuMicrosPerRequest().get("consent-service")
                    + a.cpuMicrosPerRequest().get("replica")) * share);
        }
        if (a.cpuMicrosPerRequest().containsKey("postgres")) {
            cpu.put("postgres", a.cpuMicrosPerRequest().get("postgres") * share);
        }
        double wa = share;
        double wb = 1 - share;
        String detail = (a.errorDetail() + " " + b.errorDetail()).trim();
        return new Wrk.Result(total, Math.max(a.seconds(), b.seconds()), a.errors() + b.errors(),
                a.refused() + b.refused(), detail, a.p50Ms() * wa + b.p50Ms() * wb, a.p90Ms() * wa + b.p90Ms() * wb,
                Math.max(a.p99Ms(), b.p99Ms()), Math.max(a.maxMs(), b.maxMs()), cpu);
    }

    private Map<String, String> withRun(Map<String, String> env) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put("BENCH_RUN", run + "-" + uniq.incrementAndGet());
        return copy;
    }

    /** Verifies the write tenant's chain through the service, as an auditor would, after every write. */
    private String chainAfterWrites() {
        JsonNode v = Api.get(url(Part.CONSENT, "/v1/audit-events/verification"), token(WRITE_TENANT + "-auditor"))
                .expect(200).json();
        chainIntact = v.path("intact").asBoolean(false);
        return (chainIntact ? "intact" : "NOT intact: " + v.path("reason").asText()) + String.format(Locale.ROOT,
                ", %,d events checked", v.path("eventsChecked").asLong());
    }

    /**
     * Samples {@code pg_stat_activity} of one service's database every 20 ms on a thread of its own: how many
     * backends wait on a heavyweight lock (a row lock held to commit shows as one). The mean over the samples.
     */
    private final class LockSampler {
        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicBoolean on = new java.util.concurrent.atomic.AtomicBoolean(true);
        private long samples;
        private long waiting;

        LockSampler(Part part) {
            Database db = suite.database();
            thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(part.database()), db.user(), db.password());
                     PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE "
                             + "datname = current_database() AND wait_event_type = 'Lock'")) {
                    while (on.get()) {
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            waiting += rs.getLong(1);
                            samples++;
                        }
                        sleep(20);
                    }
                } catch (SQLException e) {
                    System.out.println("[bench] lock sampling stopped: " + e.getMessage());
                }
            }, "lock-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        double stop() {
            on.set(false);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return samples == 0 ? Double.NaN : waiting / (double) samples;
        }
    }

    /** Two rows: the rate against its ceiling (with the target, if any), then latencies and CPU per write. */
    private void writeRows(String what, List<Wrk.Result> results, List<Wrk.Result> ceiling, String service,
                           String target) {
        Stats rps = stat(results, Wrk.Result::rps);
        Stats ratio = ratios(results, ceiling, Wrk.Result::rps);
        Stats p99 = stat(results, Wrk.Result::p99Ms);
        report.row("writes", what + ": writes/s", rps.describe("%,.0f"), "plain commits at the same c: "
                + stat(ceiling, Wrk.Result::rps).describe("%,.0f"), pct(ratio),
                target, target == null ? null : ratio.median() >= 0.25 && p99.median() <= 50);
        report.row("writes", what + ": p50 / p99 ms; CPU µs per write (" + service + " / PostgreSQL)",
                latencies(results) + "; " + cpu(results, service) + " / " + cpu(results, "postgres"), null, null,
                null, null);
    }

    private static String latencies(List<Wrk.Result> results) {
        return stat(results, Wrk.Result::p50Ms).describe("%.1f") + " / " + stat(results, Wrk.Result::p99Ms)
                .describe("%.1f");
    }

    private static String cpu(List<Wrk.Result> results, String process) {
        return stat(results, x -> x.cpuMicrosPerRequest().getOrDefault(process, Double.NaN)).describe("%.0f");
    }

    /**
     * Every 2xx answer of every run (warm-up and profiling included) against the rows its table gained: fewer rows
     * than answers would be an acknowledged write that is not there. And every request must have been answered
     * 2xx: a refusal or a socket error is counted and fails the row.
     */
    private void checkStored(Map<String, Long> before, Map<String, Long> after, List<Target> targets) {
        StringBuilder stored = new StringBuilder();
        boolean all = true;
        for (String table : after.keySet()) {
            String prefix = switch (table) {
                case "consents " + WRITE_TENANT -> "consent-c-";
                case "consents " + TENANT -> "consent-a-";
                case "holdings " + WRITE_TENANT -> "holding-";
                default -> "intake-";
            };
            long acknowledged = answered.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum();
            long added = after.get(table) - before.getOrDefault(table, 0L);
            all &= added >= acknowledged;
            stored.append(stored.length() == 0 ? "" : "; ").append(table).append(String.format(Locale.ROOT,
                    " %,d / %,d", added, acknowledged));
        }
        report.row("writes", "acknowledged writes found afterwards (rows added / 2xx answers, every run)",
                stored.toString(), null, null, "every one", all);
        StringBuilder refused = new StringBuilder();
        long total = 0;
        for (Target t : targets) {
            long n = failed.getOrDefault(t.name(), 0L);
            total += n;
            refused.append(refused.length() == 0 ? "" : ", ").append(t.name()).append(' ').append(n);
        }
        report.row("writes", "answers that were not 2xx, and socket errors (every run)", refused.toString(), null,
                null, "none", total == 0);
    }

    /** Rows per table and tenant that the writes scenario adds to. */
    private Map<String, Long> writeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("consents " + WRITE_TENANT, count(Part.CONSENT, "consent", WRITE_TENANT));
        counts.put("consents " + TENANT, count(Part.CONSENT, "consent", TENANT));
        if (running.contains(Part.RETENTION)) {
            counts.put("holdings " + WRITE_TENANT, count(Part.RETENTION, "holding", WRITE_TENANT));
        }
        if (running.contains(Part.REQUEST)) {
            counts.put("requests " + WRITE_TENANT, count(Part.REQUEST, "data_subject_request", WRITE_TENANT));
        }
        return counts;
    }

    private long count(Part part, String table, String tenant) {
        Database db = suite.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(part.database()), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
            ps.setString(1, tenant);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new BenchException("counting " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Consents and audit events of the two tenants, in consent-service's database. */
    private String tenantSizes() {
        Database db = suite.database();
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.CONSENT.database()), db.user(), db.password());
             PreparedStatement consents = c.prepareStatement("SELECT count(*) FROM consent WHERE tenant_id = ?");
             PreparedStatement events = c.prepareStatement("SELECT count(*) FROM audit_event WHERE tenant_id = ?")) {
            for (String tenant : List.of(WRITE_TENANT, TENANT)) {
                consents.setString(1, tenant);
                events.setString(1, tenant);
                long n;
                long e;
                try (var rs = consents.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
                try (var rs = events.executeQuery()) {
                    rs.next();
                    e = rs.getLong(1);
                }
                sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "%s had %,d consents and %,d audit events", tenant, n, e));
            }
        } catch (SQLException e) {
            throw new BenchException("reading the tenants' sizes failed: " + e.getMessage(), e);
        }
        return sb.toString();
    }

    /** The ceiling's table: a key, a tenant and a row of about a consent's size, nothing else. */
    private void createCommitTable() {
        Database db = suite.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.CONSENT.database()), db.user(), db.password());
             var st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bench_commit (id uuid PRIMARY KEY, tenant_id text NOT NULL, "
                    + "body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new BenchException("cannot create the ceiling's table: " + e.getMessage(), e);
        }
    }

    private static final String COMMIT_BODY = "{\"subjectRef\":\"new-000000\",\"purpose\":\"call-center-support\","
            + "\"decision\":\"GIVEN\",\"method\":\"PHONE\",\"channel\":\"コールセンター（札幌）\",\"noticeVersion\":\"2026-04\","
            + "\"language\":\"ja\",\"recordingRef\":\"rec-2026-04-01-000000\",\"operatorRef\":\"op-佐藤\"}";

    /**
     * The write ceiling: {@code threads} JDBC connections, each inserting one row and committing it (autocommit: one
     * round trip, one durable commit per row) until {@code seconds} have passed. Latency is each statement's; the
     * PostgreSQL CPU is that of all its processes during the run, per commit.
     */
    private Wrk.Result plainCommits(int threads, int seconds) {
        Database db = suite.database();
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                Connection con = DriverManager.getConnection(db.jdbcUrl(Part.CONSENT.database()), db.user(),
                        db.password());
                con.setAutoCommit(true);
                connections.add(con);
            }
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            long[] deadline = new long[1];
            List<Future<long[]>> futures = new ArrayList<>();
            for (Connection con : connections) {
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1024];
                    int n = 0;
                    go.await();
                    try (PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO bench_commit (id, tenant_id, body) VALUES (?, ?, ?)")) {
                        while (true) {
                            long s0 = System.nanoTime();
                            if (s0 >= deadline[0]) {
                                break;
                            }
                            ps.setObject(1, java.util.UUID.randomUUID());
                            ps.setString(2, WRITE_TENANT);
                            ps.setString(3, COMMIT_BODY);
                            ps.executeUpdate();
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = System.nanoTime() - s0;
                        }
                    }
                    return Arrays.copyOf(lat, n);
                }));
            }
            long pg0 = Procs.treeCpuMicros(postgresPid);
            long t0 = System.nanoTime();
            deadline[0] = t0 + Duration.ofSeconds(seconds).toNanos();
            go.countDown();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long pg1 = Procs.treeCpuMicros(postgresPid);
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long commits = merged.length;
            Map<String, Double> cpu = new LinkedHashMap<>();
            if (pg0 >= 0 && pg1 >= 0 && commits > 0) {
                cpu.put("postgres", (pg1 - pg0) / (double) commits);
            }
            return new Wrk.Result(commits, secs, 0, 0, "", percentileMs(merged, 50), percentileMs(merged, 90),
                    percentileMs(merged, 99), commits == 0 ? 0 : merged[merged.length - 1] / 1e6, cpu);
        } catch (SQLException e) {
            throw new BenchException("plain commits failed: " + e.getMessage(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new BenchException("plain commits failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } finally {
            pool.shutdownNow();
            for (Connection con : connections) {
                try {
                    con.close();
                } catch (SQLException ignored) {
                    // the run is over; nothing to lose
                }
            }
        }
    }

    private static double percentileMs(long[] sorted, double pct) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(pct / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /**
     * Consent imports of 5,000 (two calls at a time) against the same rows sent back from the client as one
     * multi-row INSERT per 5,000 (two at a time), and against a copy made inside PostgreSQL (INSERT … SELECT).
     */
    private void imports(String client, long consentPid) {
        int batches = o.smoke() ? 1 : 4;
        int rows = batches * (BATCH_ROWS / purposes.size()) * purposes.size();
        List<Double> api = new ArrayList<>();
        List<Double> multiRow = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        System.out.println("[bench] writes: imports, warm-up");
        consentBatches(client, 1);
        for (int round = 1; round <= o.rounds(); round++) {
            System.out.println("[bench] writes: imports, round " + round + " of " + o.rounds());
            String tag = run + "-" + uniq.incrementAndGet();
            api.add(consentBatches(client, batches, tag));
            String mine = "^imp-" + tag + "-[0-9]+$"; // the API's rows, not the copies below
            multiRow.add(sqlMultiRow(Part.CONSENT, "consent", "subject_ref ~ ?", mine, rows));
            copy.add(sqlClone(Part.CONSENT, "consent", "subject_ref ~ ?", mine, rows));
        }
        Stats a = Stats.of(api);
        Stats ratio = ratios(api, multiRow);
        report.row("writes", "consents in imports of 5,000, POST /v1/consents/import (2 calls at a time), "
                        + WRITE_TENANT + ": consents/s", a.describe("%,.0f"), "plain multi-row INSERT of the same rows "
                        + "from the client, 5,000 per statement, 2 at a time: " + Stats.of(multiRow).describe("%,.0f"),
                pct(ratio), "≥ 50 % of plain SQL", ratio.median() >= 0.5);
        report.row("writes", "the same imports against a copy inside PostgreSQL", a.describe("%,.0f"),
                PLAIN_INSERT + Stats.of(copy).describe("%,.0f"), pct(ratios(api, copy)), null, null);
        profileWhile("writes: POST /v1/consents/import", consentPid, () -> consentBatches(client, batches));
    }

    /**
     * A bulk ceiling: the rows the API just wrote, read back and sent again from the client as plain multi-row
     * INSERTs (one text array per column, unnest'ed into rows and cast to the column's type), 5,000 rows per
     * statement, two statements at a time on two connections, each committed; new ids and people. No JSON, no
     * validation, no idempotency record, no audit line. Answers rows per second of the inserts alone.
     */
    private double sqlMultiRow(Part part, String table, String where, String arg, int expected) {
        Database db = suite.database();
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(part.database()), db.user(), db.password())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod) "
                    + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    + "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped "
                    + "AND a.attgenerated = '' AND a.attidentity = '' "
                    + "AND (d.adbin IS NULL OR pg_get_expr(d.adbin, d.adrelid) NOT LIKE 'nextval%') "
                    + "ORDER BY a.attnum")) {
                ps.setString(1, table);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                        types.add(rs.getString(2));
                    }
                }
            }
            String list = String.join(", ", columns.stream().map(col -> "\"" + col + "\"").toList());
            try (PreparedStatement ps = c.prepareStatement("SELECT " + list + " FROM " + table + " WHERE " + where)) {
                ps.setString(1, arg);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] row = new String[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getString(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            throw new BenchException("reading " + table + " for the multi-row insert failed: " + e.getMessage(), e);
        }
        if (rows.size() < expected) {
            report.note("the plain multi-row insert into " + table + " found " + rows.size() + " of " + expected
                    + " rows");
        }
        String suffix = "-rows" + uniq.incrementAndGet();
        int id = columns.indexOf("id");
        int subject = columns.indexOf("subject_ref");
        for (String[] row : rows) {
            if (id >= 0) {
                row[id] = java.util.UUID.randomUUID().toString();
            }
            if (subject >= 0) {
                row[subject] = row[subject] + suffix;
            }
        }
        StringBuilder select = new StringBuilder();
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append("CAST(r.c").append(i).append(" AS ").append(types.get(i))
                    .append(')');
            from.append(i == 0 ? "" : ", ").append("CAST(? AS text[])");
        }
        String names = String.join(", ", java.util.stream.IntStream.range(0, columns.size()).mapToObj(i -> "c" + i)
                .toList());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns.stream().map(col -> "\"" + col + "\"")
                .toList()) + ") SELECT " + select + " FROM unnest(" + from + ") AS r(" + names + ")";
        int chunks = (rows.size() + BATCH_ROWS - 1) / BATCH_ROWS;
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Connection c = DriverManager.getConnection(db.jdbcUrl(part.database()), db.user(), db.password());
                c.setAutoCommit(true);
                connections.add(c);
            }
            long t0 = System.nanoTime();
            parallel(2, 2, k -> { // connection k sends chunks k, k + 2, k + 4, ...
                Connection c = connections.get(k);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int n = k; n < chunks; n += 2) {
                        List<String[]> chunk = rows.subList(n * BATCH_ROWS, Math.min(rows.size(), (n + 1) * BATCH_ROWS));
                        for (int col = 0; col < columns.size(); col++) {
                            String[] values = new String[chunk.size()];
                            for (int i = 0; i < values.length; i++) {
                                values[i] = chunk.get(i)[col];
                            }
                            ps.setArray(col + 1, c.createArrayOf("text", values));
                        }
                        ps.executeUpdate();
                    }
                }
            });
            return rows.size() / ((System.nanoTime() - t0) / 1e9);
        } catch (SQLException e) {
            throw new BenchException("the plain multi-row insert into " + table + " failed: " + e.getMessage(), e);
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // done with it
                }
            }
        }
    }

    // ---- purge ---------------------------------------------------------------------------------------------------

    /**
     * The issue's setting: 1,000,000 holdings of which half are past their date. The kept half is loaded once; each
     * round loads the due half again before the purge run and again before the plain DELETE. Both halves are cloned
     * in SQL from one holding registered through the API (same columns, ledger rule and delete_after, a locator and
     * person of their own per row): pushing 1,500,000 rows a round through the batch API would take minutes and
     * measure ingestion, which has its own scenario.
     */
    private void purge() {
        need(Part.RETENTION);
        Set<String> ops = Api.operations(suite.url(Part.RETENTION));
        if (!ops.contains("POST /v1/purge-runs")) {
            report.skip("purge", "endpoint missing: retention-service has no POST /v1/purge-runs yet (its OpenAPI "
                    + "lists " + ops.size() + " operations); the plain SQL ceiling is not run alone");
            return;
        }
        String officer = token(PURGE_TENANT + "-privacy-officer");
        String client = token(PURGE_TENANT + "-client-system");
        Api.post(url(Part.RETENTION, "/v1/data-categories"), officer, Api.json(Data.category("expired-recording",
                "通話録音（保存期間1日）", List.of("氏名", "電話番号", "通話音声"), 1)), "cat-exp-" + run).expect(201, 409);
        Api.post(url(Part.RETENTION, "/v1/data-categories"), officer, Api.json(Data.category("kept-recording",
                "通話録音（保存期間10年）", List.of("氏名", "電話番号", "通話音声"), 3650)), "cat-kept-" + run).expect(201, 409);
        int due = o.smoke() ? 5_000 : 500_000;
        int kept = due;
        Database db = suite.database();
        long t0 = System.nanoTime();
        cloneHoldings(db, template(client, "kept-recording", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)), kept);
        report.note(String.format(Locale.ROOT, "Purge: %,d holdings not yet due (10-year rule) loaded once in %.1f s; "
                + "each round then loads %,d due ones (1-day rule, collected 10 days ago) before the purge run and again "
                + "before the plain DELETE, so each erases half of %,d rows.", kept, (System.nanoTime() - t0) / 1e9, due,
                kept + due));
        List<Double> api = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        List<Double> apiSvcCpu = new ArrayList<>();
        List<Double> apiPgCpu = new ArrayList<>();
        List<Double> sqlPgCpu = new ArrayList<>();
        long retentionPid = pid(Part.RETENTION);
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10);
        for (int round = 0; round <= o.rounds(); round++) { // round 0 is the warm-up
            System.out.println("[bench] purge: " + (round == 0 ? "warm-up" : "round " + round + " of " + o.rounds()));
            cloneHoldings(db, template(client, "expired-recording", longAgo), due - 1);
            long svc0 = Procs.cpuMicros(retentionPid);
            long pg0 = Procs.treeCpuMicros(postgresPid);
            double a = purgeRun(officer, due);
            long svc1 = Procs.cpuMicros(retentionPid);
            long pg1 = Procs.treeCpuMicros(postgresPid);
            cloneHoldings(db, template(client, "expired-recording", longAgo), due - 1);
            long pg2 = Procs.treeCpuMicros(postgresPid);
            double s = sqlDelete(db, due);
            long pg3 = Procs.treeCpuMicros(postgresPid);
            if (round > 0) {
                api.add(a);
                sql.add(s);
                apiSvcCpu.add((svc1 - svc0) / (double) due);
                apiPgCpu.add((pg1 - pg0) / (double) due);
                sqlPgCpu.add((pg3 - pg2) / (double) due);
            }
        }
        Stats a = Stats.of(api);
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < api.size(); i++) {
            ratio.add(api.get(i) / sql.get(i));
        }
        Stats r = Stats.of(ratio);
        report.row("purge", "POST /v1/purge-runs, " + String.format(Locale.ROOT, "%,d", due) + " due of "
                        + String.format(Locale.ROOT, "%,d", due + kept) + " holdings: holdings/s", a.describe("%,.0f"),
                "plain batched SQL DELETE (1,000 per statement): " + Stats.of(sql).describe("%,.0f"), pct(r),
                "≥ 20,000 holdings/s and ≥ 50 % of plain SQL", a.median() >= 20_000 && r.median() >= 0.5);
        // Where the purge's time goes: the service mostly waits for its statements, so the CPU per holding of the
        // service and of PostgreSQL says more than a profile of the service would.
        report.row("purge", "CPU µs per erased holding (retention-service / PostgreSQL)",
                Stats.of(apiSvcCpu).describe("%.1f") + " / " + Stats.of(apiPgCpu).describe("%.1f"),
                "plain DELETE: PostgreSQL " + Stats.of(sqlPgCpu).describe("%.1f"), null, null, null);
    }

    /** Registers one holding through the API and answers its id, the pattern the SQL clones copy. */
    private String template(String token, String category, OffsetDateTime collectedAt) {
        String tag = run + "-" + uniq.incrementAndGet();
        JsonNode created = Api.post(url(Part.RETENTION, "/v1/holdings"), token, Api.json(Data.holding(
                Data.subject("tpl-" + tag + "-", 0), category, "ivr-recorder", collectedAt, "録音/" + tag + ".wav")),
                "tpl-" + tag).expect(201).json();
        return created.path("id").asText();
    }

    /** Copies a holding {@code count} times in one statement, each copy with its own id, person and locator. */
    private void cloneHoldings(Database db, String templateId, int count) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.RETENTION.database()), db.user(),
                db.password())) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'holding' AND table_schema = current_schema() ORDER BY ordinal_position");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            List<String> select = columns.stream().map(col -> switch (col) {
                case "id" -> "gen_random_uuid()";
                case "subject_ref" -> "t.subject_ref || '-' || g";
                case "locator" -> "t.locator || '-' || g";
                default -> "t." + col;
            }).toList();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO holding (" + String.join(", ", columns)
                    + ") SELECT " + String.join(", ", select) + " FROM holding t, generate_series(1, ?) g "
                    + "WHERE t.id = ?::uuid")) {
                ps.setInt(1, count);
                ps.setString(2, templateId);
                ps.executeUpdate();
            }
            try (var st = c.createStatement()) {
                st.execute("ANALYZE holding");
            }
        } catch (SQLException e) {
            throw new BenchException("loading holdings by SQL failed: " + e.getMessage(), e);
        }
    }

    /** Starts a purge run and waits for it to finish; answers holdings erased per second. */
    private double purgeRun(String token, int expected) {
        long t0 = System.nanoTime();
        Api.Reply started = Api.post(url(Part.RETENTION, "/v1/purge-runs"), token, "{}", "purge-" + run + "-"
                + uniq.incrementAndGet());
        if (!started.ok()) {
            throw new BenchException("POST /v1/purge-runs answered " + started.status() + ": "
                    + Api.abbreviate(started.body()));
        }
        JsonNode runNode = started.json();
        String id = runNode.path("id").asText(null);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (Set.of("RUNNING", "PENDING", "STARTED", "QUEUED").contains(runNode.path("status").asText(""))) {
            if (id == null || System.nanoTime() > deadline) {
                throw new BenchException("the purge run did not finish: " + runNode);
            }
            sleep(100);
            runNode = Api.get(url(Part.RETENTION, "/v1/purge-runs/" + id), token).expect(200).json();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long erased = runNode.path("erased").asLong(-1);
        if (erased < expected) {
            report.note("a purge run erased " + erased + " holdings of " + expected + " due ones: " + runNode);
        }
        return Math.max(erased, 0) / secs;
    }

    /** The ceiling: the same due rows deleted with plain SQL, 1,000 per statement, each statement committed. */
    private double sqlDelete(Database db, int expected) {
        String sql = "DELETE FROM holding WHERE id IN (SELECT id FROM holding WHERE tenant_id = ? "
                + "AND delete_after <= now() LIMIT 1000)";
        long t0 = System.nanoTime();
        long deleted = 0;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.RETENTION.database()), db.user(),
                db.password()); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            ps.setString(1, PURGE_TENANT);
            int n;
            while ((n = ps.executeUpdate()) > 0) {
                deleted += n;
            }
        } catch (SQLException e) {
            throw new BenchException("plain SQL delete failed: " + e.getMessage(), e);
        }
        if (deleted < expected) {
            report.note("plain SQL deleted " + deleted + " of " + expected + " due holdings");
        }
        return deleted / ((System.nanoTime() - t0) / 1e9);
    }

    // ---- disclosure ----------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void disclosure() {
        need(Part.REQUEST);
        Set<String> ops = Api.operations(suite.url(Part.REQUEST));
        // The figure is the time from the decision to disclose until the assembled disclosure can be read back.
        List<String> result = ops.stream().filter(op -> op.startsWith("GET") && (op.contains("/result")
                || op.contains("disclosure"))).toList();
        if (result.isEmpty()) {
            List<String> fulfilment = ops.stream().filter(op -> op.toLowerCase(Locale.ROOT).contains("fulfil")).toList();
            report.skip("disclosure", "endpoint missing: request-service has no endpoint yet that returns an assembled "
                    + "disclosure (no GET …/result or …/disclosure among its " + ops.size() + " operations"
                    + (fulfilment.isEmpty() ? "" : "; it has " + fulfilment) + "), so the person with 1,000 records "
                    + "in each service was not loaded");
            return;
        }
        for (String op : List.of("POST /v1/requests", "POST /v1/requests/{id}/identity-verification",
                "POST /v1/requests/{id}/decision")) {
            if (!ops.contains(op)) {
                report.skip("disclosure", "endpoint missing: request-service has no " + op + " yet");
                return;
            }
        }
        need(Part.CONSENT, Part.RETENTION);
        int records = o.smoke() ? 100 : 1000;
        List<Double> assembly = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        List<Double> plainReads = new ArrayList<>();
        for (int round = 0; round <= o.rounds(); round++) { // round 0 is the warm-up
            String person = "disc-" + run + "-" + round;
            String loaded = loadPerson(person, records);
            double[] m = discloseOnce(person);
            System.out.printf(Locale.ROOT, "[bench] disclosure %s of %s (%s): assembled in %.2f s, read in %.0f ms, "
                    + "%,.0f bytes%n", round == 0 ? "warm-up" : "round " + round, person, loaded, m[0], m[1] * 1000,
                    m[2]);
            double plain = sqlDisclosure(person);
            if (round > 0) {
                assembly.add(m[0]);
                read.add(m[1] * 1000);
                sizes.add(m[2]);
                plainReads.add(plain);
            }
            if (round == 1) {
                report.note("Disclosure: each round a new person with " + loaded + "; the time runs from the "
                        + "privacy officer's APPROVED decision to GET /v1/requests/{id}/result answering 200.");
            }
        }
        Stats a = Stats.of(assembly);
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < assembly.size(); i++) {
            ratio.add(plainReads.get(i) / assembly.get(i));
        }
        report.row("disclosure", "decision to assembled disclosure, " + records + " records per service (s)",
                a.describe("%.2f"), "plain SQL reads of the same records (three queries at once over JDBC): "
                        + Stats.of(plainReads).describe("%.3f") + " s", pct(Stats.of(ratio)), "≤ 1 s", a.median() <= 1);
        report.row("disclosure", "reading the package: GET …/result (ms) / size (bytes)",
                Stats.of(read).describe("%.0f") + " / " + Stats.of(sizes).describe("%,.0f"), null, null, null, null);
        // One more person, with request-service profiled while their disclosure is assembled.
        String person = "disc-" + run + "-profiled";
        loadPerson(person, records);
        try {
            Path file = Profiler.start(pid(Part.REQUEST), 5, work.resolve("jfr"), "disclosure-" + uniq.incrementAndGet());
            discloseOnce(person);
            report.profile(Profiler.markdown(Profiler.summarise("disclosure: request-service while it assembles one "
                    + "disclosure (" + records + " records per service; 5 s recording)", file)));
        } catch (BenchException e) {
            report.note("no profile of the disclosure: " + e.getMessage());
        }
    }

    /** One person with {@code records} consents, holdings and (if thirdparty-service takes them) provision records. */
    private String loadPerson(String person, int records) {
        String client = token(TENANT + "-client-system");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object> consents = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Map<String, Object> c = Data.consent(person, i + 1, purposes.get(i % purposes.size()), i, now);
            ((Map<String, Object>) c.get("evidence")).put("capturedAt",
                    Data.rfc3339(now.minusHours(1 + records - i)));
            c.remove("subjectBirthDate");
            c.remove("guardian");
            consents.add(c);
        }
        if (partnerRecipient != null) {
            Map<String, Object> c = Data.consent(person, 1, "partner-referral", 0, now);
            c.put("decision", "GIVEN");
            c.remove("subjectBirthDate");
            c.remove("guardian");
            consents.add(c);
        }
        Api.post(url(Part.CONSENT, "/v1/consents/import"), client, Api.json(Map.of("consents", consents)),
                "person-c-" + person).expect(201);
        List<Object> holdings = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            holdings.add(Data.holding(person, i % 2 == 0 ? "call-recording" : "inquiry-history",
                    i % 2 == 0 ? "ivr-recorder" : "crm", now.minusHours(1 + i), "記録/" + person + "/" + i));
        }
        Api.post(url(Part.RETENTION, "/v1/holdings/batch"), client, Api.json(Map.of("holdings", holdings)),
                "person-h-" + person).expect(201);
        if (partnerRecipient == null || !running.contains(Part.THIRDPARTY)) {
            return records + " consents and holdings (no provision records: thirdparty-service did not take them)";
        }
        String providedOn = now.withOffsetSameInstant(Data.JST).toLocalDate().toString();
        parallel(records, 4, i -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("recipientId", partnerRecipient);
            p.put("purpose", "partner-referral");
            p.put("subjectRefs", List.of(person));
            p.put("dataItems", List.of("氏名", "電話番号", i % 2 == 0 ? "ご相談内容" : "ご希望の連絡時間帯"));
            p.put("method", "EACH");
            p.put("providedOn", providedOn);
            Api.post(url(Part.THIRDPARTY, "/v1/provisions"), client, Api.json(p), "person-p-" + person + "-" + i)
                    .expect(201);
        });
        return records + " consents, holdings and provision records";
    }

    /**
     * The disclosure's ceiling: the person's consents, holdings and provision records read straight from the three
     * databases, three queries at once, every column of every row fetched as text. No tokens, no HTTP, no outbox, no
     * rendering: what reading the same records costs on this machine. Answers seconds.
     */
    private double sqlDisclosure(String person) {
        Database db = suite.database();
        List<String[]> queries = List.of(
                new String[] {Part.CONSENT.database(), "SELECT * FROM consent WHERE tenant_id = ? AND subject_ref = ?"},
                new String[] {Part.RETENTION.database(), "SELECT * FROM holding WHERE tenant_id = ? AND subject_ref = ?"},
                new String[] {Part.THIRDPARTY.database(), "SELECT r.* FROM provision_record r JOIN provision_subject s "
                        + "ON s.provision_id = r.id WHERE s.tenant_id = ? AND s.subject_ref = ?"});
        List<Connection> connections = new ArrayList<>();
        try {
            for (String[] q : queries) {
                connections.add(DriverManager.getConnection(db.jdbcUrl(q[0]), db.user(), db.password()));
            }
            long t0 = System.nanoTime();
            parallel(queries.size(), queries.size(), i -> {
                try (PreparedStatement ps = connections.get(i).prepareStatement(queries.get(i)[1])) {
                    ps.setString(1, TENANT);
                    ps.setString(2, person);
                    try (var rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        long chars = 0;
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                String v = rs.getString(col);
                                chars += v == null ? 0 : v.length();
                            }
                        }
                        if (chars == 0) {
                            report.note("the plain SQL read of " + queries.get(i)[0] + " found nothing for " + person);
                        }
                    }
                }
            });
            return (System.nanoTime() - t0) / 1e9;
        } catch (SQLException e) {
            throw new BenchException("the plain SQL disclosure read failed: " + e.getMessage(), e);
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a read-only connection; nothing to lose
                }
            }
        }
    }

    /** Answers {assembly seconds, result read seconds, result bytes}. */
    private double[] discloseOnce(String person) {
        String operator = token(TENANT + "-operator");
        String officer = token(TENANT + "-privacy-officer");
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("type", "DISCLOSURE");
        intake.put("subjectRef", person);
        intake.put("channel", "PHONE");
        intake.put("requester", Map.of("name", Data.japaneseName(person.hashCode()), "relation", "SELF",
                "contact", Map.of("email", "yamada.taro@example.jp", "phone", "090-1234-5678",
                        "postalAddress", "〒060-0001 北海道札幌市中央区北1条西2丁目")));
        intake.put("deliveryMethod", "ELECTRONIC");
        String id = Api.post(url(Part.REQUEST, "/v1/requests"), operator, Api.json(intake), "req-" + person)
                .expect(201).json().path("id").asText();
        Api.post(url(Part.REQUEST, "/v1/requests/" + id + "/identity-verification"), operator, Api.json(Map.of(
                "method", "DOCUMENTS", "documents", List.of(Map.of("type", "DRIVERS_LICENSE")),
                "note", "運転免許証で氏名・住所を照合")), null).expect(200, 201);
        long t0 = System.nanoTime();
        Api.post(url(Part.REQUEST, "/v1/requests/" + id + "/decision"), officer, Api.json(Map.of("outcome",
                "APPROVED")), null).expect(200, 201);
        URI result = url(Part.REQUEST, "/v1/requests/" + id + "/result");
        long deadline = t0 + Duration.ofMinutes(3).toNanos();
        while (true) {
            long r0 = System.nanoTime();
            Api.Reply r = Api.get(result, officer);
            if (r.status() == 200) {
                double assembled = (System.nanoTime() - t0) / 1e9;
                long r1 = System.nanoTime();
                Api.Reply again = Api.get(result, officer).expect(200);
                double readSecs = (System.nanoTime() - r1) / 1e9;
                return new double[] {assembled, readSecs, again.body().getBytes(StandardCharsets.UTF_8).length};
            }
            if (r.status() != 409 || System.nanoTime() > deadline) {
                throw new BenchException("GET …/result of the disclosure answered " + r.status() + " after "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms: " + Api.abbreviate(r.body()));
            }
            sleep(Math.max(0, 20 - (System.nanoTime() - r0) / 1_000_000));
        }
    }

    // ---- start-up -------------------------------------------------------------------------------------------------

    /**
     * Each service alone, started with exactly the JVM flags the launcher gives it ({@link Suite#leanJvm}: the build's
     * class-data archive, the serial collector, small stacks, a heap that follows the memory given; the same call, so
     * the two cannot drift), jar and environment, on a spare port while the suite is idle: time from exec to
     * /q/health/ready answering 200, Quarkus's own "started in", and VmRSS two seconds after ready. For comparison
     * the JVM's defaults (what the launcher passed before), an older lean set that also stops the JIT at C1, and that
     * set with an archive trained by one full start. Several runs per service and variant, interleaved.
     */
    // ---- console worklist and incident scope ------------------------------------------------------------------

    /**
     * Issue 15: the request worklist (console GET /requests) with 5,000 requests in the tenant, at 8 users signed
     * in through Keycloak, p95 ≤ 300 ms; beside the one call to request-service the page makes (the most urgent 50,
     * with their business days left) with the privacy officer's client token.
     */
    private void console() {
        need(Part.REQUEST);
        if (!running.contains(Part.CONSOLE)) {
            throw new Skip("console is not running (it did not start; see above)");
        }
        int users = 8;
        int target = 5_000;
        String operator = token(TENANT + "-operator");
        long present = count(Part.REQUEST, "data_subject_request", TENANT);
        int toLoad = (int) Math.max(0, target - present);
        long t0 = System.nanoTime();
        // Through the API, eight at a time: each intake is one transaction with its audit line, and 5,000 of them
        // take well under a minute, so there is no need to go around the service with SQL.
        parallel(toLoad, users, n -> {
            String person = Data.subject("wl-" + run + "-", n);
            Map<String, Object> intake = new LinkedHashMap<>();
            intake.put("type", "DISCLOSURE");
            intake.put("subjectRef", person);
            intake.put("channel", n % 3 == 0 ? "WEB" : "PHONE");
            intake.put("requester", Map.of("name", Data.japaneseName(n), "relation", "SELF",
                    "contact", Map.of("email", "customer" + n + "@example.jp", "phone", "090-1234-5678")));
            intake.put("deliveryMethod", "ELECTRONIC");
            Api.post(url(Part.REQUEST, "/v1/requests"), operator, Api.json(intake), "wl-" + run + "-" + n)
                    .expect(201);
        });
        long stored = count(Part.REQUEST, "data_subject_request", TENANT);
        report.note(String.format(Locale.ROOT, "Console worklist: %,d requests taken in through POST /v1/requests "
                + "(8 at a time) in %.0f s; %s holds %,d requests.", toLoad, (System.nanoTime() - t0) / 1e9,
                TENANT, stored));

        URI consoleBase = suite.url(Part.CONSOLE);
        Browser.allowRedirect(suite.keycloakUrl(), "mamori", "console", "admin", "admin", consoleBase);
        URI page = URI.create(consoleBase + "/requests");
        Browser browser = Browser.signIn(page, "officer.a", "officer.a");
        String officer = token(TENANT + "-privacy-officer");
        URI search = url(Part.REQUEST, "/v1/requests?sort=due&offset=0&limit=50");
        Loop.Call pageCall = () -> browser.get(page);
        Loop.Call apiCalls = () -> Api.get(search, officer).status();
        int rows = browser.page(page).body().split("<tr", -1).length - 1;
        report.note("Console worklist: officer.a signed in through Keycloak's login form; the page lists " + rows
                + " table rows (a page of 50 at most).");
        Loop.run(users, o.warmup(), pageCall);
        Loop.run(users, o.warmup(), apiCalls);
        List<Loop.Result> pages = new ArrayList<>();
        List<Loop.Result> apis = new ArrayList<>();
        long consolePid = pid(Part.CONSOLE);
        long requestPid = pid(Part.REQUEST);
        List<Double> consoleCpu = new ArrayList<>();
        List<Double> requestCpu = new ArrayList<>();
        for (int round = 1; round <= o.rounds(); round++) {
            System.out.println("[bench] console: round " + round + " of " + o.rounds());
            long c0 = Procs.cpuMicros(consolePid);
            long r0 = Procs.cpuMicros(requestPid);
            Loop.Result p = Loop.run(users, o.seconds(), pageCall);
            consoleCpu.add((Procs.cpuMicros(consolePid) - c0) / 1000.0 / Math.max(1, p.sortedNanos().length));
            requestCpu.add((Procs.cpuMicros(requestPid) - r0) / 1000.0 / Math.max(1, p.sortedNanos().length));
            pages.add(p);
            apis.add(Loop.run(users, o.seconds(), apiCalls));
        }
        for (Loop.Result r : pages) {
            if (r.failures() > 0) {
                report.note("Console worklist: " + r.failures() + " page loads failed in a round (first: "
                        + r.firstFailure() + ")");
            }
        }
        for (Loop.Result r : apis) {
            if (r.failures() > 0) {
                report.note("Console worklist, API calls: " + r.failures() + " failed in a round (first: "
                        + r.firstFailure() + ")");
            }
        }
        Stats p95 = loopStat(pages, r -> r.percentileMs(95));
        Stats api95 = loopStat(apis, r -> r.percentileMs(95));
        String at = String.format(Locale.ROOT, "%,d requests in %s, %d users", stored, TENANT, users);
        report.row("console", "GET /requests (worklist page), " + at + ": p95 ms", p95.describe("%.0f"),
                "the page's API call (GET /v1/requests?sort=due&offset=0&limit=50), same users: "
                        + api95.describe("%.0f"),
                pct(ratiosOf(apis, pages, r -> r.percentileMs(95))), "≤ 300 ms p95 at 8 users",
                p95.median() <= 300);
        report.row("console", "worklist page: p50 / p99 ms, pages/s",
                loopStat(pages, r -> r.percentileMs(50)).describe("%.0f") + " / "
                        + loopStat(pages, r -> r.percentileMs(99)).describe("%.0f") + ", "
                        + loopStat(pages, Loop.Result::rps).describe("%.1f"),
                "API calls: " + loopStat(apis, r -> r.percentileMs(50)).describe("%.0f") + " / "
                        + loopStat(apis, r -> r.percentileMs(99)).describe("%.0f") + ", "
                        + loopStat(apis, Loop.Result::rps).describe("%.1f"), null, null, null);
        report.row("console", "worklist page: CPU ms per page (console / request-service)",
                Stats.of(consoleCpu).describe("%.1f") + " / " + Stats.of(requestCpu).describe("%.1f"), null, null,
                null, null);
    }

    private static Stats loopStat(List<Loop.Result> results, java.util.function.ToDoubleFunction<Loop.Result> f) {
        List<Double> v = new ArrayList<>();
        results.forEach(r -> v.add(f.applyAsDouble(r)));
        return Stats.of(v);
    }

    private static Stats ratiosOf(List<Loop.Result> a, List<Loop.Result> b,
                                  java.util.function.ToDoubleFunction<Loop.Result> f) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            v.add(f.applyAsDouble(a.get(i)) / f.applyAsDouble(b.get(i)));
        }
        return Stats.of(v);
    }

    static final String[] SCOPE_SYSTEMS = {"ivr-recorder", "crm", "mail-archive", "web-form"};

    /**
     * Issue 17: incident-service counts an incident's holdings and persons with retention-service's
     * GET /v1/holdings/count. 1,000,000 holdings of one tenant (5 categories of 200,000, 4 owning systems, 500,000
     * persons with two each, collected over 365 days) are cloned in SQL from one holding per category registered
     * through the API; each count is timed against the same statement run straight over JDBC.
     */
    private void scope() {
        need(Part.RETENTION);
        if (!Api.operations(suite.url(Part.RETENTION)).contains("GET /v1/holdings/count")) {
            throw new Skip("retention-service has no GET /v1/holdings/count");
        }
        int perCategory = 200_000;
        int categories = 5;
        int persons = perCategory * categories / 2;
        String officer = token(TENANT + "-privacy-officer");
        String client = token(TENANT + "-client-system");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Database db = suite.database();
        List<String> codes = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int k = 1; k <= categories; k++) {
            String code = "scope-" + run + "-" + k;
            codes.add(code);
            Api.post(url(Part.RETENTION, "/v1/data-categories"), officer, Api.json(Data.category(code,
                    "インシデント範囲" + k, List.of("氏名", "電話番号"), 3650)), "cat-" + code).expect(201);
            String tag = run + "-" + uniq.incrementAndGet();
            String templateId = Api.post(url(Part.RETENTION, "/v1/holdings"), client, Api.json(Data.holding(
                    "scope-tpl-" + tag, code, SCOPE_SYSTEMS[0], now.minusHours(1), "scope/" + tag)), "tpl-" + tag)
                    .expect(201).json().path("id").asText();
            cloneScope(db, templateId, perCategory - 1, (k - 1) * perCategory, persons);
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.RETENTION.database()), db.user(),
                db.password()); var st = c.createStatement()) {
            st.execute("VACUUM ANALYZE holding");
        } catch (SQLException e) {
            throw new BenchException("VACUUM of the holdings failed: " + e.getMessage(), e);
        }
        report.note(String.format(Locale.ROOT, "Incident scope: %,d holdings for %s (%d categories of %,d, %d owning "
                + "systems, %,d persons with two each, collected over 365 days) loaded by SQL from one holding per "
                + "category registered through the API, then VACUUM ANALYZE, in %.0f s.", perCategory * categories,
                TENANT, categories, perCategory, SCOPE_SYSTEMS.length, persons, (System.nanoTime() - t0) / 1e9));

        OffsetDateTime from = now.minusDays(60);
        OffsetDateTime to = from.plusDays(30);
        record Filter(String name, List<String> categories, String system, OffsetDateTime from, OffsetDateTime to) {
        }
        List<Filter> filters = List.of(
                new Filter("one category", List.of(codes.get(0)), null, null, null),
                new Filter("one category, one system, 30 days", List.of(codes.get(0)), SCOPE_SYSTEMS[1], from, to),
                new Filter("all " + categories + " categories", codes, null, null, null));
        int calls = o.smoke() ? 5 : 11;
        for (Filter f : filters) {
            StringBuilder q = new StringBuilder("/v1/holdings/count?");
            f.categories().forEach(c -> q.append("category=").append(c).append('&'));
            if (f.system() != null) {
                // UTC with Z, as incident-service sends them: no '+' to be encoded (or not) in the query.
                q.append("owningSystem=").append(f.system()).append("&collectedFrom=").append(f.from().toInstant())
                        .append("&collectedTo=").append(f.to().toInstant());
            }
            URI uri = url(Part.RETENTION, q.substring(0, q.length() - 1));
            try {
                timeCount(f.name(), uri, f.categories(), f.system(), f.from(), f.to(), officer, db, calls);
            } catch (BenchException e) {
                // One refused filter (the period count answered 400 in the 2026-12-02 smoke runs) should not hide
                // the others' figures.
                report.failed("scope", f.name() + ": " + firstLine(String.valueOf(e.getMessage())));
            }
        }
    }

    private void timeCount(String name, URI uri, List<String> categories, String system, OffsetDateTime from,
                           OffsetDateTime to, String officer, Database db, int calls) {
        {
            record Filter(String name, List<String> categories, String system, OffsetDateTime from,
                          OffsetDateTime to) {
            }
            Filter f = new Filter(name, categories, system, from, to);
            String sql = "SELECT count(*), count(DISTINCT subject_ref) FROM holding WHERE tenant_id = ? "
                    + "AND category_code = ANY (?)" + (f.system() == null ? ""
                    : " AND owning_system = ? AND collected_at >= ? AND collected_at < ?");
            List<Double> api = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            String answer = null;
            long[] sqlAnswer = null;
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.RETENTION.database()), db.user(),
                    db.password()); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, TENANT);
                ps.setArray(2, c.createArrayOf("text", f.categories().toArray()));
                if (f.system() != null) {
                    ps.setString(3, f.system());
                    ps.setObject(4, f.from());
                    ps.setObject(5, f.to());
                }
                for (int i = 0; i <= calls; i++) { // call 0 warms both up
                    long a0 = System.nanoTime();
                    JsonNode counted = Api.get(uri, officer).expect(200).json();
                    double a = (System.nanoTime() - a0) / 1e9;
                    long s0 = System.nanoTime();
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        sqlAnswer = new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                    double s = (System.nanoTime() - s0) / 1e9;
                    answer = String.format(Locale.ROOT, "%,d holdings / %,d persons",
                            counted.path("holdings").asLong(), counted.path("persons").asLong());
                    if (counted.path("holdings").asLong() != sqlAnswer[0]
                            || counted.path("persons").asLong() != sqlAnswer[1]) {
                        throw new BenchException("the count " + answer + " differs from plain SQL's "
                                + sqlAnswer[0] + " / " + sqlAnswer[1] + " (" + f.name() + ")");
                    }
                    if (i > 0) {
                        api.add(a);
                        plain.add(s);
                    }
                }
            } catch (SQLException e) {
                throw new BenchException("the plain SQL count failed: " + e.getMessage(), e);
            }
            Stats a = Stats.of(api);
            Stats s = Stats.of(plain);
            report.row("scope", "GET /v1/holdings/count, " + f.name() + " (" + answer + "): median / p95 s over "
                            + calls + " calls", a.describe("%.3f") + " / " + String.format(Locale.ROOT, "%.3f",
                            p95(api)),
                    "plain SQL count(*), count(DISTINCT subject_ref), same filter: " + s.describe("%.3f") + " / "
                            + String.format(Locale.ROOT, "%.3f", p95(plain)),
                    pct(ratios(plain, api)), null, null);
        }
    }

    private static double p95(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN
                : sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1));
    }

    /**
     * Copies a holding {@code count} times: each copy its own id and locator, a person of {@code persons} (copy
     * {@code offset + g} belongs to person (offset + g) mod persons, so every person holds two), one of the
     * systems in turn, and a collection date (and deletion date with it) up to 364 days before the template's.
     */
    private void cloneScope(Database db, String templateId, int count, int offset, int persons) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(Part.RETENTION.database()), db.user(),
                db.password())) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'holding' AND table_schema = current_schema() ORDER BY ordinal_position");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String systems = "(ARRAY['" + String.join("','", SCOPE_SYSTEMS) + "'])[1 + g % " + SCOPE_SYSTEMS.length
                    + "]";
            List<String> select = columns.stream().map(col -> switch (col) {
                case "id" -> "gen_random_uuid()";
                case "subject_ref" -> "'scope-" + run + "-' || ((" + offset + " + g) % " + persons + ")";
                case "locator" -> "t.locator || '-' || g";
                case "owning_system" -> systems;
                case "collected_at" -> "t.collected_at - make_interval(days => g % 365, mins => g % 1440)";
                case "delete_after" -> "t.delete_after - make_interval(days => g % 365, mins => g % 1440)";
                default -> "t." + col;
            }).toList();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO holding (" + String.join(", ", columns)
                    + ") SELECT " + String.join(", ", select) + " FROM holding t, generate_series(1, ?) g "
                    + "WHERE t.id = ?::uuid")) {
                ps.setInt(1, count);
                ps.setString(2, templateId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new BenchException("loading holdings by SQL failed: " + e.getMessage(), e);
        }
    }

    private void startup() throws IOException {
        int runs = o.rounds();
        Set<Part> parts = new java.util.LinkedHashSet<>(running);
        Map<String, Map<Part, List<double[]>>> measured = new LinkedHashMap<>();
        measured.put(AS_LAUNCHED, new LinkedHashMap<>());
        // The older comparisons (JVM defaults, C1 only, a trained archive) only in a full run; a smoke run measures
        // the launcher's start and the variants asked for with --startup-variant.
        boolean compare = !o.smoke();
        if (compare) {
            for (String v : List.of(JVM_DEFAULTS, LEAN, LEAN_CDS)) {
                measured.put(v, new LinkedHashMap<>());
            }
        }
        o.startupVariants().keySet().forEach(v -> measured.put(v, new LinkedHashMap<>()));
        Path cds = work.resolve("cds");
        Files.createDirectories(cds);
        // Application class-data sharing trained here: one start writes an archive of the classes the service loaded
        // (-XX:ArchiveClassesAtExit, at its orderly stop); the measured starts map it. Same lean flags, so the
        // difference against the lean row is the archive's alone.
        // A variant may map an archive trained by one full start with the launcher's flags (TRAINED_ARCHIVE in its
        // options); the build's archive is trained by a full start too (bin/train-class-archive), without a database.
        if (o.startupVariants().values().stream().flatMap(List::stream).anyMatch(a -> a.contains(TRAINED_ARCHIVE))) {
            for (Part p : parts) {
                Path archive = cds.resolve(p.id() + "-launcher.jsa");
                Files.deleteIfExists(archive);
                try {
                    List<String> train = new ArrayList<>(Suite.leanJvm(jar(p)).stream()
                            .filter(a -> !a.startsWith("-XX:SharedArchiveFile=") && !a.startsWith("-Xshare"))
                            .toList());
                    train.add("-XX:ArchiveClassesAtExit=" + archive);
                    startOnce(p, 0, "cds-training-launcher", train);
                    waitForFile(archive);
                } catch (BenchException e) {
                    report.note("no trained archive for " + p.id() + ": " + firstLine(e.getMessage()));
                }
            }
        }
        for (Part p : compare ? parts : Set.<Part>of()) {
            Path archive = cds.resolve(p.id() + ".jsa");
            Files.deleteIfExists(archive);
            try {
                List<String> train = new ArrayList<>(LEAN_JVM);
                train.add("-XX:ArchiveClassesAtExit=" + archive);
                startOnce(p, 0, "cds-training", train);
                waitForFile(archive);
            } catch (BenchException e) {
                report.note("no AppCDS archive for " + p.id() + ": " + firstLine(e.getMessage()));
            }
        }
        for (int r = 0; r < runs; r++) {
            for (String variant : measured.keySet()) {
                for (Part p : List.copyOf(parts)) {
                    List<String> args = jvmArgs(variant, p, cds);
                    if (args == null) {
                        continue;
                    }
                    try {
                        measured.get(variant).computeIfAbsent(p, k -> new ArrayList<>()).add(startOnce(p, r, variant,
                                args));
                    } catch (BenchException e) {
                        if (variant.equals(AS_LAUNCHED)) {
                            report.failed("start-up of " + p.id(), firstLine(String.valueOf(e.getMessage())));
                            parts.remove(p);
                        } else {
                            report.note("start-up of " + p.id() + " (" + variant + ") failed: "
                                    + firstLine(String.valueOf(e.getMessage())));
                        }
                    }
                }
            }
        }
        for (Part p : parts) {
            for (var v : measured.entrySet()) {
                List<double[]> m = v.getValue().get(p);
                if (m == null || m.isEmpty()) {
                    continue;
                }
                Stats rd = Stats.of(m.stream().map(x -> x[0]).toList());
                Stats mem = Stats.of(m.stream().map(x -> x[2]).toList());
                List<Double> started = m.stream().map(x -> x[1]).filter(x -> x > 0).toList();
                boolean main = v.getKey().equals(AS_LAUNCHED);
                report.row("start-up", p.id() + (main ? " as the launcher starts it" : " with " + v.getKey())
                                + ": ready after (s) / resident MB", rd.describe("%.1f") + " / " + mem.describe("%.0f"),
                        main && !started.isEmpty() ? "Quarkus 'started in' " + Stats.of(started).describe("%.2f") + " s"
                                : null, null, "≤ 3 s and ≤ 250 MB", rd.median() <= 3 && mem.median() <= 250);
            }
        }
        Path someJar = o.root().resolve(Part.CONSENT.id()).resolve("target/quarkus-app/quarkus-run.jar");
        report.note("Start-up as the launcher starts it: `" + String.join(" ", Suite.leanJvm(someJar))
                .replace(o.root().toString() + "/", "") + "` (`Suite.leanJvm`; the archive is the one the build "
                + "wrote beside each jar" + (Files.isRegularFile(someJar.resolveSibling("app-cds.jsa")) ? ""
                : " — missing in this run, so the flags ran without one") + ")."
                + (compare ? " Comparisons: the JVM's defaults (no flags); an older lean set `"
                        + String.join(" ", LEAN_JVM) + "`, whose -XX:TieredStopAtLevel=1 keeps the JIT at C1 and so "
                        + "trades peak throughput for start-up (the launcher does not use it); and that set with an "
                        + "archive trained by one full start here." : ""));
        o.startupVariants().forEach((label, opts) -> report.note("Start-up variant '" + label
                + "': the launcher's start with `" + String.join(" ", opts) + "` added."));
    }

    static final String AS_LAUNCHED = "launcher";
    /** In a --startup-variant's options: the path of an archive trained by one full start with the launcher's flags. */
    static final String TRAINED_ARCHIVE = "TRAINED_ARCHIVE";
    static final String JVM_DEFAULTS = "the JVM's defaults";
    static final String LEAN = "the older lean flags (C1 only, see notes)";
    static final String LEAN_CDS = "the older lean flags and an archive trained by one start";

    /** The JVM flags of a start-up variant; null when it cannot run (no trained archive). */
    private List<String> jvmArgs(String variant, Part p, Path cds) {
        return switch (variant) {
            case AS_LAUNCHED -> {
                List<String> args = new ArrayList<>(Suite.leanJvm(jar(p)));
                String opts = System.getenv("MAMORI_SERVICE_JAVA_OPTS"); // the launcher appends it too
                if (opts != null && !opts.isBlank()) {
                    args.addAll(List.of(opts.trim().split("\\s+")));
                }
                yield args;
            }
            case JVM_DEFAULTS -> List.of();
            case LEAN -> LEAN_JVM;
            case LEAN_CDS -> {
                Path archive = cds.resolve(p.id() + ".jsa");
                if (!Files.exists(archive)) {
                    yield null;
                }
                List<String> args = new ArrayList<>(LEAN_JVM);
                args.add("-XX:SharedArchiveFile=" + archive);
                yield args;
            }
            default -> {
                // --startup-variant: the launcher's start with options added after its own
                List<String> args = new ArrayList<>(jvmArgs(AS_LAUNCHED, p, cds));
                for (String a : o.startupVariants().get(variant)) {
                    args.add(a.replace(TRAINED_ARCHIVE, cds.resolve(p.id() + "-launcher.jsa").toString()));
                }
                yield args;
            }
        };
    }

    /** JVM flags that trade peak throughput (C1 only) for start-up time and footprint; measured for comparison. */
    static final List<String> LEAN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xmx192m",
            "-Xss512k", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=160m");

    private Path jar(Part p) {
        return o.root().resolve(p.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private double[] startOnce(Part p, int round, String variant, List<String> jvmArgs) throws IOException {
        String tag = variant.equals(AS_LAUNCHED) ? "" : "-" + variant.replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("-+$", "");
        Path log = work.resolve("startup-" + p.id() + "-" + round + tag + ".log");
        ProcessBuilder pb = serviceProcess(p, jvmArgs, PROBE_PORT, log);
        URI readyUrl = URI.create("http://127.0.0.1:" + PROBE_PORT + "/q/health/ready");
        long t0 = System.nanoTime();
        Process proc = Procs.track(pb.start());
        try {
            long deadline = t0 + Duration.ofSeconds(120).toNanos();
            while (true) {
                if (!proc.isAlive()) {
                    throw new BenchException(p.id() + " exited during start-up; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchException(p.id() + " was not ready within 120 s; see " + log);
                }
                try {
                    if (Api.get(readyUrl, null).status() == 200) {
                        break;
                    }
                } catch (BenchException notYet) {
                    // not listening yet
                }
                sleep(25);
            }
            double readySecs = (System.nanoTime() - t0) / 1e9;
            sleep(2000);
            double rssMb = Procs.rssKb(proc.pid()) / 1024.0;
            Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log, StandardCharsets.UTF_8));
            double started = m.find() ? Double.parseDouble(m.group(1)) : -1;
            System.out.printf(Locale.ROOT, "[bench] start-up %s #%d (%s): ready after %.2f s (Quarkus: %.2f s), %.0f MB%n",
                    p.id(), round + 1, variant, readySecs, started, rssMb);
            return new double[] {readySecs, started, rssMb};
        } finally {
            Procs.stop(proc);
        }
    }

    /**
     * A service started alone, outside the launcher, the way the start-up scenario and the second replica need it:
     * the given JVM flags, the suite's database and issuer, the launcher's generated secrets, and its own port.
     */
    private ProcessBuilder serviceProcess(Part p, List<String> jvmArgs, int port, Path log) throws IOException {
        Database db = suite.database();
        Path dir = Suite.workDir(jar(p)); // where the launcher runs it: the build's archive maps only from there
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar(p).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("DB_HOST", db.host());
        env.put("DB_PORT", Integer.toString(db.port()));
        env.put("DB_NAME", p.database());
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("OIDC_AUTH_SERVER_URL", suite.issuer());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(Suite.migrationEnv(db, p, jar(p))); // as the launcher: no Flyway on a database already at the jar's
        Path secrets = o.data().resolve("secrets");
        if (Files.isDirectory(secrets)) {
            try (var files = Files.list(secrets)) {
                for (Path f : files.toList()) {
                    env.put(f.getFileName().toString(), Files.readString(f).trim());
                }
            }
        }
        return pb;
    }

    /** The JVM writes a class archive at exit, after the process was told to stop: wait until it is complete. */
    private static void waitForFile(Path file) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                long size = Files.exists(file) ? Files.size(file) : -1;
                if (size > 0 && size == last) {
                    return;
                }
                last = size;
            } catch (IOException e) {
                // not there yet
            }
            sleep(500);
        }
        throw new BenchException("no class archive was written to " + file);
    }

    private void memoryAfterLoad() {
        if (suite == null) {
            return;
        }
        StringBuilder rss = new StringBuilder();
        for (Part p : running) {
            OptionalLong pid = Procs.pidFromFile(o.data().resolve("run").resolve(p.id() + ".pid"));
            rss.append(rss.length() == 0 ? "" : ", ").append(p.id()).append(' ')
                    .append(pid.isPresent() ? mb(Procs.rssKb(pid.getAsLong())) : "gone");
        }
        report.fact("Resident memory of the suite's services after all scenarios", rss.toString());
    }

    // ---- the baseline program --------------------------------------------------------------------------------------

    private void startBaseline() {
        if (baseline != null && baseline.isAlive()) {
            return;
        }
        Database db = suite.database();
        Path log = work.resolve("baseline.log");
        try {
            baseline = Procs.track(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.mamori.bench.baseline.VertxPgBaseline",
                    Integer.toString(BASELINE_PORT), db.host(), Integer.toString(db.port()), Part.CONSENT.database(),
                    db.user(), db.password(), TENANT, "2", "4")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        } catch (IOException e) {
            throw new BenchException("cannot start the plain Vert.x program: " + e, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        URI probe = URI.create("http://127.0.0.1:" + BASELINE_PORT + "/decision?subjectRef=cust-000001&purpose="
                + purposes.get(0));
        while (true) {
            if (!baseline.isAlive() || System.nanoTime() > deadline) {
                throw new BenchException("the plain Vert.x program did not start; see " + log);
            }
            try {
                Api.Reply r = Api.get(probe, null);
                if (r.status() == 200 && r.json().has("allowed")) {
                    return;
                }
            } catch (BenchException notYet) {
                // not listening yet
            }
            sleep(200);
        }
    }

    // ---- running wrk -------------------------------------------------------------------------------------------------

    /**
     * One thing to load: a wrk run against {@code url} with the script configured by {@code env}, or, when
     * {@code runner} is given, that instead (a ceiling the harness drives itself, such as plain JDBC commits).
     */
    record Target(String name, String url, Map<String, String> env, Map<String, Long> watch, int connections,
                  Runner runner) {
        Target(String name, String url, Map<String, String> env, Map<String, Long> watch, int connections) {
            this(name, url, env, watch, connections, null);
        }
    }

    /** A load the harness drives itself for {@code seconds}, reported like a wrk run. */
    @FunctionalInterface
    interface Runner {
        Wrk.Result run(int seconds);
    }

    private Map<String, String> env(String mode, String path, String token) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BENCH_MODE", mode);
        env.put("BENCH_PATH", path);
        env.put("BENCH_TOKEN", token);
        env.put("BENCH_SUBJECTS", Integer.toString(o.subjects()));
        env.put("BENCH_SUBJECT_PREFIX", "cust-");
        env.put("BENCH_PURPOSES", String.join(",", purposes));
        env.put("BENCH_BATCH", Integer.toString(DECISION_BATCH));
        env.put("BENCH_CATEGORY", "call-recording");
        env.put("BENCH_CAPTURED_AT", Data.rfc3339(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)));
        return env;
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private String base(Part p) {
        return base(suite.port(p));
    }

    private Wrk.Result runWrk(Target t, int seconds) {
        Map<String, String> env = new LinkedHashMap<>(t.env());
        env.put("BENCH_RUN", run + "-" + uniq.incrementAndGet());
        Wrk.Result r = t.runner() != null ? t.runner().run(seconds)
                : wrk.run(t.url(), t.connections(), seconds, env, t.watch());
        answered.merge(t.name(), r.requests() - r.refused(), Long::sum);
        failed.merge(t.name(), r.errors(), Long::sum);
        System.out.printf(Locale.ROOT, "[bench]   %-16s %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms%s%n", t.name(), r.rps(),
                r.p50Ms(), r.p99Ms(), r.errors() == 0 ? "" : "  (" + r.errorDetail() + ")");
        if (r.errors() > 0) {
            report.note(t.name() + ": " + r.errorDetail() + " in a " + seconds + " s run of " + r.requests()
                    + " requests; the req/s figures count only 2xx answers, and latencies include the refusals");
        }
        return r;
    }

    /**
     * Brings a freshly loaded table to the state a running database keeps it in (what autovacuum does some minutes
     * later): hint bits set and the visibility map written. Without it the first reads of each loaded row write the
     * page again, and the first rounds of a scenario measure that instead of the service.
     */
    private void settle(Part part, String table) {
        Database db = suite.database();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(part.database()), db.user(), db.password());
             var st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) " + table);
        } catch (SQLException e) {
            throw new BenchException("VACUUM " + table + " failed: " + e.getMessage(), e);
        }
        System.out.printf(Locale.ROOT, "[bench] VACUUM (ANALYZE) %s in %.1f s%n", table, (System.nanoTime() - t0) / 1e9);
    }

    private static final int MAX_WARMUP_SLICES = 8;

    /**
     * A warm-up of each target until it is steady, then rounds A, B, C, A, B, C, ... A target is steady when two
     * warm-up slices in a row answer within 10 % of each other (at most {@link #MAX_WARMUP_SLICES} slices): the
     * decision cache fills from the database at a few thousand people a second, so a fixed short warm-up left the
     * first measured rounds reading PostgreSQL and each round faster than the one before.
     */
    private Map<String, List<Wrk.Result>> interleave(List<Target> targets) {
        Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
        System.out.println("[bench] warm-up");
        for (Target t : targets) {
            double before = runWrk(t, o.warmup()).rps();
            int slices = 1;
            while (slices < MAX_WARMUP_SLICES) {
                double now = runWrk(t, o.warmup()).rps();
                slices++;
                boolean steady = Math.abs(now - before) <= 0.10 * Math.max(now, before);
                before = now;
                if (steady) {
                    break;
                }
            }
            report.note(String.format(Locale.ROOT, "%s: warmed up for %d s", t.name(), slices * o.warmup()));
            results.put(t.name(), new ArrayList<>());
        }
        for (int round = 1; round <= o.rounds(); round++) {
            System.out.println("[bench] round " + round + " of " + o.rounds());
            for (Target t : targets) {
                results.get(t.name()).add(runWrk(t, o.seconds()));
            }
        }
        return results;
    }

    private void profile(String what, long pid, Target t) {
        try {
            Path file = Profiler.start(pid, o.profileSeconds(), work.resolve("jfr"), t.name() + "-" + uniq.incrementAndGet());
            runWrk(t, o.profileSeconds() + 1);
            report.profile(Profiler.markdown(Profiler.summarise(what, file)));
        } catch (BenchException e) {
            report.note("no profile of " + what + ": " + e.getMessage());
        }
    }

    private void profileWhile(String what, long pid, Runnable load) {
        try {
            Path file = Profiler.start(pid, o.profileSeconds(), work.resolve("jfr"), "load-" + uniq.incrementAndGet());
            long end = System.nanoTime() + Duration.ofSeconds(o.profileSeconds() + 1).toNanos();
            while (System.nanoTime() < end) {
                load.run();
            }
            report.profile(Profiler.markdown(Profiler.summarise(what, file)));
        } catch (BenchException e) {
            report.note("no profile of " + what + ": " + e.getMessage());
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Scenario {
        void run() throws Exception;
    }

    private void scenario(String name, Scenario s) {
        if (!o.wants(name)) {
            return;
        }
        System.out.println("[bench] ==== " + name);
        long t0 = System.nanoTime();
        try {
            s.run();
        } catch (Skip e) {
            report.skip(name, e.getMessage());
        } catch (Exception e) {
            report.failed(name, firstLine(String.valueOf(e.getMessage())));
            e.printStackTrace();
        }
        System.out.printf(Locale.ROOT, "[bench] ==== %s took %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs task(0..count-1) on {@code threads} threads; the first failure fails the whole. */
    private static void parallel(int count, int threads, IntConsumerWithException task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    task.accept(n);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new BenchException(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IntConsumerWithException {
        void accept(int n) throws Exception;
    }

    private static Stats stat(List<Wrk.Result> results, java.util.function.ToDoubleFunction<Wrk.Result> f) {
        List<Double> v = new ArrayList<>();
        for (Wrk.Result r : results) {
            v.add(f.applyAsDouble(r));
        }
        return Stats.of(v);
    }

    /** Per-round ratios a_i / b_i: rounds ran side by side, so each ratio compares like with like. */
    private static Stats ratios(List<Wrk.Result> a, List<Wrk.Result> b, java.util.function.ToDoubleFunction<Wrk.Result> f) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            v.add(f.applyAsDouble(a.get(i)) / f.applyAsDouble(b.get(i)));
        }
        return Stats.of(v);
    }

    /** Per-round ratios of two figures measured side by side. */
    private static Stats ratios(List<Double> a, List<Double> b) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            v.add(a.get(i) / b.get(i));
        }
        return Stats.of(v);
    }

    private static String pct(Stats ratio) {
        if (ratio.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.0f %%", ratio.median() * 100) + (ratio.values().size() > 1
                ? String.format(Locale.ROOT, " (%.0f–%.0f)", ratio.min() * 100, ratio.max() * 100) : "");
    }

    private void sampleLoad() {
        while (true) {
            loads.add(Procs.loadAverage()[0]);
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String loadSummary() {
        Stats s = Stats.of(loads);
        return s.isEmpty() ? "?" : String.format(Locale.ROOT, "1-min average sampled every 5 s: median %.2f, min %.2f, "
                + "max %.2f (2 cores: above 2 the machine was oversubscribed)", s.median(), s.min(), s.max());
    }

    private int write() {
        String md = report.markdown();
        try {
            Path dir = o.root().resolve("bench/target/results");
            Files.createDirectories(dir);
            String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path file = dir.resolve((o.smoke() ? "smoke-" : "full-") + stamp + ".md");
            Files.writeString(file, md, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("latest.md"), md, StandardCharsets.UTF_8);
            System.out.println("[bench] results: " + file);
            if (o.update() && report.failures.stream().noneMatch(f -> f.startsWith("**run**"))) {
                Report.updateBenchmarks(o.root().resolve("BENCHMARKS.md"), md);
                System.out.println("[bench] BENCHMARKS.md updated");
            }
        } catch (IOException e) {
            System.err.println("bench: cannot write the results: " + e);
            return 1;
        }
        System.out.println();
        System.out.println(md);
        return report.failures.isEmpty() ? 0 : 1;
    }

    private static String cpuModel() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static String memTotal() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
            }
        }
        return "? GiB";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The most telling line of a log tail in a launcher message: the first that names an error. */
    private static String cause(String s) {
        for (String line : s.split("\n")) {
            String t = line.replaceFirst("^\\s*\\|?\\s*", "");
            if (t.contains("SRCFG") || t.contains("Exception:") || t.contains("ERROR")) {
                return t.length() > 300 ? t.substring(0, 300) + "…" : t;
            }
        }
        return "see the log";
    }

    private static String mb(long kb) {
        return kb < 0 ? "?" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }
}
