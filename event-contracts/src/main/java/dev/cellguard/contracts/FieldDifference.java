package dev.cellguard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One field that differs between cells: the rule that compares it and each cell's value. */
public record FieldDifference(String ruleId, String field, Map<String, JsonNode> values) {

    public FieldDifference {
        values = Map.copyOf(values);
    }
}
