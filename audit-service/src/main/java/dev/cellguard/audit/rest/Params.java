package dev.cellguard.audit.rest;

import dev.cellguard.audit.query.AuditFilter;
import dev.cellguard.audit.query.Cursor;
import dev.cellguard.contracts.EventType;
import dev.cellguard.support.rest.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Reads query parameters strictly: a bad one is a 400 problem naming it, never a 500. */
final class Params {

    private static final int MAX_TEXT = 256;

    private Params() {
    }

    static AuditFilter filter(List<String> types, String recoveryGroup, String cell, String observer, String actor,
            String outcome, String correlationId, String from, String to) {
        for (String type : types) {
            if (EventType.fromWireName(type).isEmpty()) {
                throw Problem.badParameter("type", "unknown event type '" + truncate(type) + "'");
            }
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw Problem.badParameter("to", "must be after 'from'");
        }
        return new AuditFilter(types, text("recoveryGroup", recoveryGroup), text("cell", cell), text("observer", observer),
                text("actor", actor), text("outcome", outcome), uuid("correlationId", correlationId), fromInstant, toInstant);
    }

    static int limit(String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problem.badParameter("limit", "must be a whole number from 1 to 1000, was '" + truncate(value) + "'");
    }

    static Cursor cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Cursor.decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter("cursor", e.getMessage());
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter(name, "'" + truncate(value) + "' is not a UUID");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badParameter(name, "'" + truncate(value) + "' is not an RFC 3339 UTC time such as 2026-11-21T10:00:00Z");
        }
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw Problem.badParameter(name, "longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String truncate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
