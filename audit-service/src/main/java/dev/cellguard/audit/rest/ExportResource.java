package dev.cellguard.audit.rest;

import dev.cellguard.audit.query.AuditFilter;
import dev.cellguard.audit.query.AuditQueries;
import dev.cellguard.audit.query.Cursor;
import dev.cellguard.audit.store.AuditRecordEntity;
import dev.cellguard.support.rest.Problem;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The audit trail as a file: NDJSON (one event a line) or CSV, with the same filters as the events
 * list, streamed a page at a time so an export of any size holds no more than one page in memory.
 */
@RolesAllowed({Roles.VIEWER, Roles.AUDITOR})
@Path("/api/audit/export")
public class ExportResource {

    private static final int PAGE = 1_000;
    private static final String CSV_HEADER = "seq,recorded_at,occurred_at,type,recovery_group,cell,observer,subject,actor,outcome,"
            + "correlation_id,causation_id,event_id,source_service,source_instance,event\n";

    @Inject
    AuditQueries queries;

    @GET
    @Operation(summary = "Stream the filtered audit trail as ndjson or csv")
    public Response export(@Parameter(description = "ndjson (default) or csv") @QueryParam("format") String format,
            @BeanParam FilterParams filters) {
        boolean csv;
        if (format == null || format.equals("ndjson")) {
            csv = false;
        } else if (format.equals("csv")) {
            csv = true;
        } else {
            throw Problem.badParameter("format", "must be ndjson or csv");
        }
        AuditFilter filter = filters.toFilter();
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write(CSV_HEADER);
            }
            Cursor after = null;
            do {
                AuditQueries.Page page = queries.page(filter, after, PAGE);
                for (AuditRecordEntity r : page.records()) {
                    writer.write(csv ? csvLine(r) : r.event + "\n");
                }
                writer.flush();
                after = page.next().orElse(null);
            } while (after != null);
            writer.flush();
        };
        return Response.ok(body)
                .type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"cellguard-audit." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    private static String csvLine(AuditRecordEntity r) {
        return String.join(",", String.valueOf(r.seq), String.valueOf(r.recordedAt), String.valueOf(r.occurredAt), field(r.type),
                field(r.recoveryGroup), field(r.cell), field(r.observer), field(r.subject), field(r.actor), field(r.outcome),
                String.valueOf(r.correlationId), r.causationId == null ? "" : r.causationId.toString(), String.valueOf(r.eventId),
                field(r.sourceService), field(r.sourceInstance), field(r.event)) + "\n";
    }

    /** RFC 4180 quoting; a leading formula character is neutralised for spreadsheets. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
