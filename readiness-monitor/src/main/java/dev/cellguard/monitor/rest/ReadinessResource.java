package dev.cellguard.monitor.rest;

import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.monitor.readiness.CellReadiness;
import dev.cellguard.monitor.readiness.GroupReadiness;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.RuleReport;
import dev.cellguard.monitor.service.ReadinessMonitor;
import dev.cellguard.support.rest.Problem;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What this observer believes about readiness: the groups, one cell, one resource set. */
@Path("/api/readiness")
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    public record Summary(String observer, List<GroupSummary> recoveryGroups) {
    }

    public record GroupSummary(String name, ReadinessStatus status, Map<String, CellSummary> cells,
                               Map<String, SetSummary> resourceSets) {
    }

    public record CellSummary(ReadinessStatus status, HealthStatus health, String parent, List<String> children) {
    }

    public record SetSummary(String type, ReadinessStatus status, boolean drifting, Instant checkedAt) {
    }

    public record CellDetail(String name, String recoveryGroup, String observer, ReadinessStatus status, HealthStatus health,
                             String parent, List<String> children, Map<String, ReadinessStatus> resourceSets,
                             List<String> notReadyRules) {
    }

    public record SetDetail(String name, String recoveryGroup, String observer, String type, ReadinessStatus status,
                            boolean drifting, Instant checkedAt, Map<String, ReadinessStatus> cells, List<RuleReport> rules) {
    }

    @Inject
    ReadinessMonitor monitor;

    @GET
    public Summary summary() {
        return new Summary(monitor.observer(), monitor.recoveryGroups().stream().map(this::group).toList());
    }

    @GET
    @Path("/cells/{cell}")
    public CellDetail cell(@PathParam("cell") String name) {
        String group = monitor.groupOfCell(name).orElseThrow(() -> Problem.notFound("no cell named '" + name + "'"));
        GroupReadiness readiness = monitor.readiness(group);
        CellReadiness cell = readiness.cells().get(name);
        return new CellDetail(name, group, monitor.observer(), cell.status(),
                monitor.health(group).getOrDefault(name, HealthStatus.UNKNOWN), cell.parent(), cell.children(),
                cell.resourceSets(), monitor.notReadyRules(group, name));
    }

    @GET
    @Path("/resource-sets/{name}")
    public SetDetail resourceSet(@PathParam("name") String name) {
        String group = monitor.groupOfResourceSet(name)
                .orElseThrow(() -> Problem.notFound("no resource set named '" + name + "'"));
        ResourceSetReport report = monitor.readiness(group).resourceSets().get(name);
        if (report == null) {
            throw Problem.notFound("resource set '" + name + "' has not been checked yet");
        }
        return new SetDetail(name, group, monitor.observer(), report.type(), report.status(), report.drifting(),
                report.checkedAt(), report.statusByCell(), report.rules());
    }

    private GroupSummary group(String name) {
        GroupReadiness readiness = monitor.readiness(name);
        Map<String, HealthStatus> health = monitor.health(name);
        Map<String, CellSummary> cells = new LinkedHashMap<>();
        readiness.cells().values().forEach(c -> cells.put(c.name(), new CellSummary(c.status(),
                health.getOrDefault(c.name(), HealthStatus.UNKNOWN), c.parent(), c.children())));
        Map<String, SetSummary> sets = new LinkedHashMap<>();
        readiness.resourceSets().values().forEach(s -> sets.put(s.name(),
                new SetSummary(s.type(), s.status(), s.drifting(), s.checkedAt())));
        return new GroupSummary(name, readiness.status(), cells, sets);
    }
}
