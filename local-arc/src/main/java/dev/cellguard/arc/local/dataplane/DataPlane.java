package dev.cellguard.arc.local.dataplane;

import static dev.cellguard.arc.local.dataplane.ArcServiceException.ValidationReason.CANNOT_PARSE;
import static dev.cellguard.arc.local.dataplane.ArcServiceException.ValidationReason.FIELD_VALIDATION_FAILED;
import static dev.cellguard.arc.local.dataplane.ArcServiceException.ValidationReason.UNKNOWN_OPERATION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cellguard.arc.local.cluster.ClusterState;
import dev.cellguard.arc.local.dataplane.ArcServiceException.FieldError;
import dev.cellguard.arc.local.topology.Arns;
import dev.cellguard.arc.local.topology.ControlPanel;
import dev.cellguard.arc.local.topology.RoutingControl;
import dev.cellguard.arc.local.topology.Topology;
import dev.cellguard.safety.Evaluation;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.SafetyRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code route53-recovery-cluster} data plane over awsJson1_0: one {@code POST} per call, the
 * operation in {@code X-Amz-Target: ToggleCustomerAPI.<Operation>}, PascalCase JSON members.
 * Shared by the five regional endpoints; each endpoint has its own throttle.
 *
 * <p>A call is handled in this order: authentication header present (any SigV4 signature is
 * accepted) → {@code POST} → known operation → JSON content type → throttle (mutating calls only;
 * calls it refuses are not counted) → body parses →
 * fields valid ({@code ValidationException}, all field errors at once) → at most 10 entries
 * ({@code ServiceLimitExceededException}) → every routing control and overridden safety rule exists
 * ({@code ResourceNotFoundException}) → safety rules ({@code ConflictException}) → commit.
 */
public final class DataPlane {

    /** The operations of the service, in the order of the service model. */
    public static final List<String> OPERATIONS = List.of(
            "GetRoutingControlState", "ListRoutingControls", "UpdateRoutingControlState", "UpdateRoutingControlStates");

    /** ARC's limit on entries per {@code UpdateRoutingControlStates} call. */
    public static final int MAX_ENTRIES_PER_UPDATE = 10;

    /** The {@code MaxResults} of {@code ListRoutingControls} when the caller gives none. */
    public static final int DEFAULT_MAX_RESULTS = 500;

    private static final String TARGET_PREFIX = "ToggleCustomerAPI.";
    private static final Pattern PAGE_TOKEN = Pattern.compile("^\\S*$");
    private static final int PAGE_TOKEN_MAX_LENGTH = 8096;

    private final ClusterState cluster;
    private final Map<String, MutatingCallThrottle> throttles;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param cluster                the shared state
     * @param regions                the endpoint regions (one throttle each)
     * @param mutatingCallsPerSecond the per-endpoint quota; 0 = unlimited
     */
    public DataPlane(ClusterState cluster, List<String> regions, int mutatingCallsPerSecond) {
        this.cluster = cluster;
        this.throttles = regions.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                region -> new MutatingCallThrottle(mutatingCallsPerSecond)));
    }

    /** Forgets every endpoint's recent calls. */
    public void resetThrottles() {
        throttles.values().forEach(MutatingCallThrottle::reset);
    }

    /** Serves one request; never throws (every failure becomes an error answer). */
    public DataPlaneResponse handle(DataPlaneRequest request) {
        try {
            ObjectNode result = dispatch(request);
            return respond(200, Map.of(), result);
        } catch (ArcServiceException e) {
            return errorResponse(e);
        } catch (RuntimeException e) {
            return errorResponse(ArcServiceException.internalServer("Internal error: " + e));
        }
    }

    /** The awsJson1_0 rendering of an error: {@code __type} and members in the body, type and Retry-After in headers. */
    public DataPlaneResponse errorResponse(ArcServiceException error) {
        ObjectNode body = mapper.createObjectNode().put("__type", error.type().typeName());
        body.setAll(error.members());
        var headers = new HashMap<String, String>();
        headers.put("x-amzn-ErrorType", error.type().typeName());
        if (error.retryAfterSeconds() != null) {
            // The Smithy model binds retryAfterSeconds to this header; botocore and the Java SDK read the body member.
            headers.put("Retry-After", error.retryAfterSeconds().toString());
        }
        return respond(error.type().httpStatus(), headers, body);
    }

    private DataPlaneResponse respond(int status, Map<String, String> headers, ObjectNode body) {
        var all = new HashMap<>(headers);
        all.put("x-amzn-RequestId", UUID.randomUUID().toString());
        try {
            return new DataPlaneResponse(status, all, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode dispatch(DataPlaneRequest request) {
        if (request.authorization() == null || !request.authorization().startsWith("AWS4-HMAC-SHA256")) {
            throw ArcServiceException.accessDenied("Missing authentication: sign the request with SigV4 "
                    + "(any credentials are accepted by the local ARC)");
        }
        if (!"POST".equals(request.method())) {
            throw ArcServiceException.validation(UNKNOWN_OPERATION,
                    "Only POST is supported (awsJson1_0), got " + request.method(), List.of());
        }
        String operation = operation(request.target());
        if (!isJsonContentType(request.contentType())) {
            throw ArcServiceException.validation(CANNOT_PARSE, "Unsupported Content-Type " + request.contentType()
                    + "; expected " + DataPlaneResponse.CONTENT_TYPE, List.of());
        }
        boolean mutating = operation.startsWith("Update");
        if (mutating && !throttles.get(request.endpointRegion()).tryAcquire()) {
            throw ArcServiceException.throttling("Rate exceeded: at most " + throttles.get(request.endpointRegion()).limit()
                    + " mutating calls per second on endpoint " + request.endpointRegion());
        }
        ObjectNode input = parse(request.body());
        return switch (operation) {
            case "GetRoutingControlState" -> getRoutingControlState(input);
            case "ListRoutingControls" -> listRoutingControls(input);
            case "UpdateRoutingControlState" -> updateRoutingControlState(request.endpointRegion(), input);
            case "UpdateRoutingControlStates" -> updateRoutingControlStates(request.endpointRegion(), input);
            default -> throw new IllegalStateException("Unhandled operation " + operation);
        };
    }

    private static String operation(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)
                || !OPERATIONS.contains(target.substring(TARGET_PREFIX.length()))) {
            throw ArcServiceException.validation(UNKNOWN_OPERATION, "Unknown operation: X-Amz-Target "
                    + (target == null ? "is missing" : "\"" + target + "\"") + "; expected " + TARGET_PREFIX
                    + "<one of " + OPERATIONS + ">", List.of());
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static boolean isJsonContentType(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-amz-json-") || type.equals("application/json");
    }

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            throw ArcServiceException.validation(CANNOT_PARSE, "Cannot parse the request body as JSON", List.of());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ArcServiceException.validation(CANNOT_PARSE, "The request body must be a JSON object", List.of());
        }
        return object;
    }

    // ---- operations -------------------------------------------------------------------------

    private ObjectNode getRoutingControlState(ObjectNode input) {
        var errors = new FieldErrors();
        String arn = errors.arn(input, "RoutingControlArn", "RoutingControlArn", true);
        errors.throwIfAny();
        RoutingControl control = routingControl(arn);
        RoutingControlState state = cluster.state(arn).orElseThrow();
        return mapper.createObjectNode()
                .put("RoutingControlArn", control.arn())
                .put("RoutingControlState", state.wireName())
                .put("RoutingControlName", control.name());
    }

    private ObjectNode listRoutingControls(ObjectNode input) {
        var errors = new FieldErrors();
        String panelArn = errors.arn(input, "ControlPanelArn", "ControlPanelArn", false);
        String nextToken = errors.pageToken(input);
        Integer maxResults = errors.maxResults(input);
        errors.throwIfAny();

        Topology topology = cluster.topology();
        List<ControlPanel> panels = topology.controlPanels();
        if (panelArn != null) {
            ControlPanel panel = topology.controlPanel(panelArn).orElseThrow(() -> ArcServiceException.resourceNotFound(
                    "Control panel " + panelArn + " does not exist", panelArn, "ControlPanel"));
            panels = List.of(panel);
        }
        var controls = new ArrayList<RoutingControl>();
        var panelNames = new HashMap<String, String>();
        for (ControlPanel panel : panels) {
            controls.addAll(panel.routingControls());
            panelNames.put(panel.arn(), panel.name());
        }
        int from = nextToken == null ? 0 : decodeToken(nextToken, panelArn, controls.size());
        int to = (int) Math.min(controls.size(), (long) from + (maxResults == null ? DEFAULT_MAX_RESULTS : maxResults));

        Map<String, RoutingControlState> states = cluster.states();
        ObjectNode output = mapper.createObjectNode();
        ArrayNode list = output.putArray("RoutingControls");
        for (RoutingControl control : controls.subList(from, to)) {
            list.addObject()
                    .put("ControlPanelArn", control.controlPanelArn())
                    .put("ControlPanelName", panelNames.get(control.controlPanelArn()))
                    .put("RoutingControlArn", control.arn())
                    .put("RoutingControlName", control.name())
                    .put("RoutingControlState", states.get(control.arn()).wireName())
                    .put("Owner", topology.owner());
        }
        if (to < controls.size()) {
            output.put("NextToken", encodeToken(to, panelArn));
        }
        return output;
    }

    private ObjectNode updateRoutingControlState(String region, ObjectNode input) {
        var errors = new FieldErrors();
        String arn = errors.arn(input, "RoutingControlArn", "RoutingControlArn", true);
        RoutingControlState state = errors.state(input, "RoutingControlState", "RoutingControlState");
        List<String> overrides = errors.arnList(input, "SafetyRulesToOverride");
        errors.throwIfAny();
        return update(region, "UpdateRoutingControlState", Map.of(arn, state), overrides);
    }

    private ObjectNode updateRoutingControlStates(String region, ObjectNode input) {
        var errors = new FieldErrors();
        var requested = new LinkedHashMap<String, RoutingControlState>();
        JsonNode entries = input.get("UpdateRoutingControlStateEntries");
        if (entries == null || entries.isNull()) {
            errors.add("UpdateRoutingControlStateEntries", "Member must not be null");
        } else if (!entries.isArray()) {
            errors.add("UpdateRoutingControlStateEntries", "Member must be a list");
        } else if (entries.isEmpty()) {
            errors.add("UpdateRoutingControlStateEntries", "Member must have at least 1 entry");
        } else {
            for (int i = 0; i < entries.size(); i++) {
                String path = "UpdateRoutingControlStateEntries[" + i + "]";
                if (!(entries.get(i) instanceof ObjectNode entry)) {
                    errors.add(path, "Member must be a structure");
                    continue;
                }
                String arn = errors.arn(entry, "RoutingControlArn", path + ".RoutingControlArn", true);
                RoutingControlState state = errors.state(entry, "RoutingControlState", path + ".RoutingControlState");
                if (arn != null && state != null && requested.putIfAbsent(arn, state) != null) {
                    errors.add(path + ".RoutingControlArn", "Routing control " + arn + " appears in more than one entry");
                }
            }
        }
        List<String> overrides = errors.arnList(input, "SafetyRulesToOverride");
        errors.throwIfAny();
        if (entries.size() > MAX_ENTRIES_PER_UPDATE) {
            throw ArcServiceException.serviceLimitExceeded("UpdateRoutingControlStates accepts at most "
                            + MAX_ENTRIES_PER_UPDATE + " entries, got " + entries.size(), cluster.topology().clusterArn(),
                    "Cluster", "MaxUpdateRoutingControlStateEntries", "route53-recovery-cluster");
        }
        return update(region, "UpdateRoutingControlStates", requested, overrides);
    }

    private ObjectNode update(String region, String operation, Map<String, RoutingControlState> requested,
                              List<String> overrides) {
        requested.keySet().forEach(this::routingControl);
        Set<String> ruleArns = cluster.topology().safetyRules().stream().map(SafetyRule::arn).collect(Collectors.toSet());
        for (String override : overrides) {
            if (!ruleArns.contains(override)) {
                throw ArcServiceException.resourceNotFound("Safety rule " + override + " does not exist",
                        override, "SafetyRule");
            }
        }
        Evaluation evaluation = cluster.update(region, operation, requested, overrides);
        if (evaluation instanceof Evaluation.Rejected rejected) {
            throw ArcServiceException.conflict(rejected.message(), rejected.rule().arn(), "SafetyRule");
        }
        return mapper.createObjectNode();
    }

    private RoutingControl routingControl(String arn) {
        return cluster.topology().routingControl(arn).orElseThrow(() -> ArcServiceException.resourceNotFound(
                "Routing control " + arn + " does not exist", arn, "RoutingControl"));
    }

    // ---- pagination -------------------------------------------------------------------------

    /** An opaque token: the next offset and the control panel filter it belongs to. */
    private static String encodeToken(int offset, String panelArn) {
        String raw = offset + "|" + (panelArn == null ? "*" : panelArn);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeToken(String token, String panelArn, int size) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            int offset = Integer.parseInt(parts[0]);
            if (parts.length == 2 && parts[1].equals(panelArn == null ? "*" : panelArn) && offset >= 0 && offset <= size) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error below
        }
        throw ArcServiceException.validation(FIELD_VALIDATION_FAILED, "Invalid NextToken: it must come from a previous "
                + "ListRoutingControls call with the same ControlPanelArn", List.of(new FieldError("NextToken", "Invalid token")));
    }

    // ---- field validation -------------------------------------------------------------------

    /** Collects every field error of a request, then reports them in one {@code ValidationException}. */
    private static final class FieldErrors {

        private final List<FieldError> errors = new ArrayList<>();

        void add(String name, String message) {
            errors.add(new FieldError(name, message));
        }

        void throwIfAny() {
            if (errors.isEmpty()) {
                return;
            }
            String detail = errors.stream().map(e -> "Value at '" + e.name() + "' failed to satisfy constraint: " + e.message())
                    .collect(Collectors.joining("; "));
            throw ArcServiceException.validation(FIELD_VALIDATION_FAILED,
                    errors.size() + " validation error" + (errors.size() == 1 ? "" : "s") + " detected: " + detail, errors);
        }

        String arn(ObjectNode node, String member, String path, boolean required) {
            JsonNode value = node.get(member);
            if (value == null || value.isNull()) {
                if (required) {
                    add(path, "Member must not be null");
                }
                return null;
            }
            if (!value.isTextual()) {
                add(path, "Member must be a string");
                return null;
            }
            return checkArn(value.asText(), path);
        }

        private String checkArn(String arn, String path) {
            if (arn.isEmpty() || arn.length() > Arns.API_ARN_MAX_LENGTH) {
                add(path, "Member must have length between 1 and " + Arns.API_ARN_MAX_LENGTH);
                return null;
            }
            if (!Arns.API_ARN.matcher(arn).matches()) {
                add(path, "Member must satisfy regular expression pattern: " + Arns.API_ARN.pattern());
                return null;
            }
            return arn;
        }

        RoutingControlState state(ObjectNode node, String member, String path) {
            JsonNode value = node.get(member);
            if (value == null || value.isNull()) {
                add(path, "Member must not be null");
                return null;
            }
            try {
                return RoutingControlState.fromWireName(value.isTextual() ? value.asText() : value.toString());
            } catch (IllegalArgumentException e) {
                add(path, "Member must satisfy enum value set: [On, Off]");
                return null;
            }
        }

        List<String> arnList(ObjectNode node, String member) {
            JsonNode value = node.get(member);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                add(member, "Member must be a list");
                return List.of();
            }
            var arns = new ArrayList<String>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String path = member + "[" + i + "]";
                if (!item.isTextual()) {
                    add(path, "Member must be a string");
                } else if (checkArn(item.asText(), path) != null) {
                    arns.add(item.asText());
                }
            }
            return arns;
        }

        String pageToken(ObjectNode node) {
            JsonNode value = node.get("NextToken");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > PAGE_TOKEN_MAX_LENGTH
                    || !PAGE_TOKEN.matcher(value.asText()).matches()) {
                add("NextToken", "Member must be a string of 1 to " + PAGE_TOKEN_MAX_LENGTH + " non-whitespace characters");
                return null;
            }
            return value.asText();
        }

        Integer maxResults(ObjectNode node) {
            JsonNode value = node.get("MaxResults");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
                add("MaxResults", "Member must be an integer greater than or equal to 1");
                return null;
            }
            return value.intValue();
        }
    }
}
