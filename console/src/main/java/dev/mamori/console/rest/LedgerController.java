package dev.mamori.console.rest;

import dev.mamori.console.client.RetentionApi;
import dev.mamori.web.PageOf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The ledger and retention (retention-service): data categories with their retention rules, contracts and their
 * extensions, legal holds, purge runs and deletion certificates, each certificate viewable, verifiable against what
 * is erased now, and printable. Holdings are listed per person (the person page): the service has no list of all
 * holdings falling due, so the console shows none rather than working deletion dates out itself.
 */
@Path("/ledger")
@Produces(MediaType.TEXT_HTML)
public class LedgerController {

    /** A contract with its extensions (an extension lengthens retention after the contract ends). */
    public record ContractRow(RetentionApi.Contract contract, List<RetentionApi.Extension> extensions) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(
                Part<PageOf<RetentionApi.Category>> categories,
                Part<List<ContractRow>> contracts,
                Part<PageOf<RetentionApi.LegalHold>> holds,
                Part<PageOf<RetentionApi.PurgeRun>> runs,
                Part<PageOf<RetentionApi.Certificate>> certificates);

        static native TemplateInstance certificate(
                RetentionApi.Certificate certificate, Part<RetentionApi.CertificateCheck> check);
    }

    private final RetentionApi retention;

    public LedgerController(@RestClient RetentionApi retention) {
        this.retention = retention;
    }

    @GET
    public TemplateInstance ledger() {
        return Templates.ledger(
                Part.read(() -> retention.categories(0, 200)),
                Part.read(this::contracts),
                Part.read(() -> retention.legalHolds(false, 200)),
                Part.read(() -> retention.purgeRuns(0, 20)),
                Part.read(() -> retention.certificates(0, 50)));
    }

    /** A certificate as issued, with the service's check of it against today's records; the page prints as is. */
    @GET
    @Path("/certificates/{id}")
    public TemplateInstance certificate(@PathParam("id") UUID id) {
        return Templates.certificate(retention.certificate(id), Part.read(() -> retention.verifyCertificate(id)));
    }

    private List<ContractRow> contracts() {
        List<ContractRow> rows = new ArrayList<>();
        for (RetentionApi.Contract c : retention.contracts(0, 100).items()) {
            rows.add(new ContractRow(c, retention.extensions(c.ref(), 50).items()));
        }
        return rows;
    }
}
