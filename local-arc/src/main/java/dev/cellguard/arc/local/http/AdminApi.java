package dev.cellguard.arc.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cellguard.arc.local.ChangeRecord;
import dev.cellguard.arc.local.Fault;
import dev.cellguard.arc.local.cluster.ClusterState;
import dev.cellguard.arc.local.topology.ControlPanel;
import dev.cellguard.arc.local.topology.RoutingControl;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.SafetyRule;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin API, on its own port and separate from the AWS protocol. JSON in and out.
 *
 * <pre>
 * GET    /admin/health            200 {"status":"UP"}
 * GET    /admin/state             endpoints (with faults), control panels, routing control states,
 *                                 safety rules with their wait-period status, options
 * GET    /admin/changes[?since=N] accepted update calls with a sequence above N (all by default)
 * GET    /admin/faults            the active faults by region
 * PUT    /admin/faults/{region}   inject a fault: {"kind":"slow","latencyMs":500}
 * DELETE /admin/faults/{region}   clear one endpoint's fault
 * DELETE /admin/faults            clear every fault
 * POST   /admin/reset             initial states, no wait periods, empty change log, throttles forgotten
 * </pre>
 * Errors answer {@code {"message": "..."}} with 400 (bad request), 404 (unknown route or region)
 * or 405 (wrong method).
 */
public final class AdminApi implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(AdminApi.class.getName());
    private static final String JSON = "application/json";
    private static final String PREFIX = "/admin";
    private static final Set<String> FAULT_FIELDS = Set.of("kind", "latencyMs");

    private final ClusterState cluster;
    private final Map<String, RegionalEndpoint> endpoints;
    private final Runnable reset;
    private final int mutatingCallsPerSecond;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param cluster                the shared state
     * @param endpoints              the endpoints by region, in region order
     * @param reset                  resets state, change log and throttles
     * @param mutatingCallsPerSecond the configured throttle, for the state view
     */
    public AdminApi(ClusterState cluster, Map<String, RegionalEndpoint> endpoints, Runnable reset,
                    int mutatingCallsPerSecond) {
        this.cluster = cluster;
        this.endpoints = endpoints;
        this.reset = reset;
        this.mutatingCallsPerSecond = mutatingCallsPerSecond;
    }

    /** A request the admin API refuses, with its HTTP status. */
    private static final class AdminError extends RuntimeException {
        private final int status;

        AdminError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        JsonNode body;
        try {
            byte[] input = exchange.getRequestBody().readAllBytes();
            body = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), input);
            if (body == null) {
                status = 204;
            }
        } catch (AdminError e) {
            status = e.status;
            body = mapper.createObjectNode().put("message", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Admin request failed", e);
            status = 500;
            body = mapper.createObjectNode().put("message", e.toString());
        }
        byte[] bytes = body == null ? new byte[0] : mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        HttpResponses.send(exchange, status, body == null ? null : JSON, Map.of(), bytes);
    }

    /** Returns the answer body, or {@code null} for 204 No Content. */
    private JsonNode route(String method, String path, String query, byte[] input) {
        String route = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (!route.startsWith(PREFIX + "/")) {
            throw new AdminError(404, "No admin route " + path);
        }
        route = route.substring(PREFIX.length());
        if (route.equals("/health")) {
            requireMethod(method, "GET");
            return mapper.createObjectNode().put("status", "UP");
        }
        if (route.equals("/state")) {
            requireMethod(method, "GET");
            return state();
        }
        if (route.equals("/changes")) {
            requireMethod(method, "GET");
            return changes(query);
        }
        if (route.equals("/reset")) {
            requireMethod(method, "POST");
            reset.run();
            return null;
        }
        if (route.equals("/faults")) {
            if (method.equals("DELETE")) {
                endpoints.values().forEach(endpoint -> endpoint.setFault(null));
                return null;
            }
            requireMethod(method, "GET");
            return faults();
        }
        if (route.startsWith("/faults/")) {
            String region = route.substring("/faults/".length());
            RegionalEndpoint endpoint = endpoints.get(region);
            if (endpoint == null) {
                throw new AdminError(404, "No endpoint for region \"" + region + "\"; the regions are " + endpoints.keySet());
            }
            if (method.equals("DELETE")) {
                endpoint.setFault(null);
                return null;
            }
            requireMethod(method, "PUT");
            Fault fault = parseFault(input);
            endpoint.setFault(fault);
            return mapper.createObjectNode().put("region", region).set("fault", faultJson(fault));
        }
        throw new AdminError(404, "No admin route " + path);
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new AdminError(405, "Use " + expected + " here, not " + method);
        }
    }

    private Fault parseFault(byte[] input) {
        JsonNode node;
        try {
            node = mapper.readTree(input);
        } catch (IOException e) {
            throw new AdminError(400, "The body must be JSON like {\"kind\":\"slow\",\"latencyMs\":500}: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new AdminError(400, "The body must be a JSON object like {\"kind\":\"slow\",\"latencyMs\":500}");
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FAULT_FIELDS.contains(name)) {
                throw new AdminError(400, "Unknown field \"" + name + "\"; expected kind and, for slow, latencyMs");
            }
        }
        JsonNode kind = object.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw new AdminError(400, "\"kind\" is required: one of refuse, unavailable, slow, blackhole, throttle, error");
        }
        JsonNode latency = object.get("latencyMs");
        if (latency != null && !latency.isIntegralNumber()) {
            throw new AdminError(400, "\"latencyMs\" must be a whole number of milliseconds");
        }
        try {
            return new Fault(Fault.Kind.fromJsonName(kind.asText()), latency == null ? 0 : latency.longValue());
        } catch (IllegalArgumentException e) {
            throw new AdminError(400, e.getMessage());
        }
    }

    private ObjectNode faults() {
        ObjectNode result = mapper.createObjectNode();
        ObjectNode faults = result.putObject("faults");
        endpoints.forEach((region, endpoint) -> endpoint.fault().ifPresent(fault -> faults.set(region, faultJson(fault))));
        return result;
    }

    private ObjectNode faultJson(Fault fault) {
        ObjectNode node = mapper.createObjectNode().put("kind", fault.kind().jsonName());
        if (fault.kind() == Fault.Kind.SLOW) {
            node.put("latencyMs", fault.latencyMs());
        }
        return node;
    }

    private ObjectNode state() {
        ObjectNode result = mapper.createObjectNode();
        result.put("clusterArn", cluster.topology().clusterArn());
        result.put("owner", cluster.topology().owner());
        result.put("topologySource", cluster.topology().source());

        ArrayNode endpointList = result.putArray("endpoints");
        endpoints.forEach((region, endpoint) -> {
            ObjectNode node = endpointList.addObject()
                    .put("region", region)
                    .put("url", endpoint.url().toString())
                    .put("port", endpoint.port())
                    .put("listening", endpoint.listening());
            node.set("fault", endpoint.fault().map(this::faultJson).orElse(null));
        });

        Map<String, RoutingControlState> states = cluster.states();
        ArrayNode panels = result.putArray("controlPanels");
        for (ControlPanel panel : cluster.topology().controlPanels()) {
            ObjectNode panelNode = panels.addObject().put("controlPanelArn", panel.arn()).put("name", panel.name());
            ArrayNode controls = panelNode.putArray("routingControls");
            for (RoutingControl control : panel.routingControls()) {
                controls.addObject()
                        .put("routingControlArn", control.arn())
                        .put("name", control.name())
                        .put("state", states.get(control.arn()).wireName())
                        .put("initialState", control.initialState().wireName());
            }
        }

        ArrayNode rules = result.putArray("safetyRules");
        Map<String, Instant> starts = cluster.waitPeriodStarts();
        for (ControlPanel panel : cluster.topology().controlPanels()) {
            panel.assertionRules().forEach(rule -> rules.add(ruleJson(panel, rule, starts)));
            panel.gatingRules().forEach(rule -> rules.add(ruleJson(panel, rule, starts)));
        }

        result.set("faults", faults().get("faults"));
        ObjectNode options = result.putObject("evaluationOptions");
        options.put("gatingEvaluation", cluster.options().gatingEvaluation().name());
        options.put("noOpEntriesTriggerRules", cluster.options().noOpEntriesTriggerRules());
        options.put("waitPeriodTrigger", cluster.options().waitPeriodTrigger().name());
        result.put("mutatingCallsPerSecond", mutatingCallsPerSecond);
        return result;
    }

    private ObjectNode ruleJson(ControlPanel panel, SafetyRule rule, Map<String, Instant> starts) {
        ObjectNode node = mapper.createObjectNode()
                .put("safetyRuleArn", rule.arn())
                .put("name", rule.name())
                .put("controlPanelArn", panel.arn());
        if (rule instanceof AssertionRule assertion) {
            node.put("type", "ASSERTION");
            strings(node.putArray("assertedControls"), assertion.assertedControls());
        } else if (rule instanceof GatingRule gating) {
            node.put("type", "GATING");
            strings(node.putArray("gatingControls"), gating.gatingControls());
            strings(node.putArray("targetControls"), gating.targetControls());
        }
        RuleConfig config = rule.config();
        node.putObject("ruleConfig")
                .put("type", config.type().name())
                .put("threshold", config.threshold())
                .put("inverted", config.inverted());
        node.put("waitPeriodMs", rule.waitPeriodMs());
        ObjectNode wait = node.putObject("waitPeriod");
        var end = cluster.activeWaitPeriodEnd(rule.arn());
        wait.put("active", end.isPresent());
        Instant started = starts.get(rule.arn());
        wait.put("lastStartedAt", started == null ? null : started.toString());
        wait.put("endsAt", end.map(Instant::toString).orElse(null));
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private ObjectNode changes(String query) {
        long since = 0;
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("since=")) {
                    try {
                        since = Long.parseLong(parameter.substring("since=".length()));
                    } catch (NumberFormatException e) {
                        throw new AdminError(400, "\"since\" must be a change sequence number");
                    }
                }
            }
        }
        ObjectNode result = mapper.createObjectNode();
        ArrayNode list = result.putArray("changes");
        for (ChangeRecord change : cluster.changeLog()) {
            if (change.sequence() <= since) {
                continue;
            }
            ObjectNode node = list.addObject()
                    .put("sequence", change.sequence())
                    .put("time", change.time().toString())
                    .put("endpointRegion", change.endpointRegion())
                    .put("operation", change.operation());
            ArrayNode entries = node.putArray("entries");
            for (ChangeRecord.Entry entry : change.entries()) {
                entries.addObject()
                        .put("routingControlArn", entry.routingControlArn())
                        .put("routingControlName", entry.routingControlName())
                        .put("previousState", entry.previousState().wireName())
                        .put("newState", entry.newState().wireName());
            }
            strings(node.putArray("overriddenRules"), change.overriddenRules());
        }
        return result;
    }
}
