package dev.mamori.platform.mail;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who among a tenant's staff gets the suite's staff mails (a request awaiting a decision, a due date near or past, a
 * contractor's certification or audit falling due) and where the console is that those mails link to. Staff mails
 * never carry a person's data, only a link into the console, which asks the reader to sign in (APPI Art. 23).
 *
 * <p>Config: {@code mamori.mail.staff-recipients."<tenant>"=a@example.jp,b@example.jp} and
 * {@code mamori.mail.console-url} (default {@code http://localhost:8090}). A tenant with no recipients gets no staff mail. Every address is checked at start
 * ({@link MailMessage#isAddress}): a mistyped one stops the service instead of losing its mails silently.
 */
@Startup
@ApplicationScoped
public class StaffRecipients {

    /** Settings under {@code mamori.mail} that concern staff mails. */
    @ConfigMapping(prefix = "mamori.mail")
    public interface Settings {
        /** Per tenant: the staff addresses that receive staff mails. */
        Map<String, List<String>> staffRecipients();

        /** The console's base URL, as staff open it; a staff mail links to {@code <console-url>/requests/<id>}. */
        @WithDefault("http://localhost:8090")
        String consoleUrl();
    }

    private final Map<String, List<String>> byTenant;
    private final String consoleUrl;

    @Inject
    public StaffRecipients(Settings settings) {
        this(settings.staffRecipients(), settings.consoleUrl());
    }

    /** Checks every address and the console URL; throws {@link IllegalStateException} naming what is wrong. */
    public StaffRecipients(Map<String, List<String>> recipients, String consoleUrl) {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        recipients.forEach((tenant, addresses) -> {
            List<String> list = new ArrayList<>();
            for (String address : addresses == null ? List.<String>of() : addresses) {
                String trimmed = address == null ? "" : address.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!MailMessage.isAddress(trimmed)) {
                    throw new IllegalStateException("mamori.mail.staff-recipients.\"" + tenant
                            + "\" holds something that is not a mail address: " + trimmed);
                }
                if (!list.contains(trimmed)) {
                    list.add(trimmed);
                }
            }
            if (!list.isEmpty()) {
                checked.put(tenant, List.copyOf(list));
            }
        });
        String url = consoleUrl == null ? "" : consoleUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://") || url.length() <= "https://".length()) {
            throw new IllegalStateException("mamori.mail.console-url must be an http(s) URL: " + consoleUrl);
        }
        if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new IllegalStateException("mamori.mail.console-url must not contain spaces or control characters");
        }
        this.byTenant = Map.copyOf(checked);
        this.consoleUrl = url;
    }

    /** The tenant's staff addresses; empty when it has none (then it gets no staff mail). */
    public List<String> of(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId)).orElse(List.of());
    }

    /** The tenants that have at least one staff recipient (the only ones scheduled staff mails look at). */
    public List<String> tenants() {
        return byTenant.keySet().stream().sorted().toList();
    }

    /** The console's base URL, without a trailing slash. */
    public String consoleUrl() {
        return consoleUrl;
    }

    /** The console page of {@code path} (e.g. {@code requests/<id>}). */
    public String consoleLink(String path) {
        return consoleUrl + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
}
