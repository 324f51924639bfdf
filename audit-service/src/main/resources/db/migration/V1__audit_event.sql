-- Every cellguard event, once: the queried fields as typed, indexed columns, the whole event as jsonb.
CREATE TABLE audit_event (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID         NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recovery_group  VARCHAR(64)  NOT NULL,
    cell            VARCHAR(64),
    correlation_id  UUID         NOT NULL,
    causation_id    UUID,
    source_service  VARCHAR(64)  NOT NULL,
    source_instance VARCHAR(128) NOT NULL,
    event           JSONB        NOT NULL,
    CONSTRAINT audit_event_event_id_unique UNIQUE (event_id)
);

CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at DESC, seq DESC);
CREATE INDEX audit_event_correlation_idx ON audit_event (correlation_id, occurred_at);
CREATE INDEX audit_event_type_idx ON audit_event (type, occurred_at DESC);
