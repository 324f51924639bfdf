-- The audit trail: every cellguard event exactly once, in a SHA-256 hash chain (see
-- dev.cellguard.audit.chain.AuditChain), range-partitioned by month of recording, append-only.

-- Which events are stored: makes ingest idempotent across partitions.
CREATE TABLE audit_event_id (
    event_id UUID   PRIMARY KEY,
    seq      BIGINT NOT NULL
);

CREATE TABLE audit_record (
    seq             BIGINT        NOT NULL,
    event_id        UUID          NOT NULL,
    type            VARCHAR(64)   NOT NULL,
    occurred_at     TIMESTAMPTZ   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    recovery_group  VARCHAR(64)   NOT NULL,
    cell            VARCHAR(64),
    correlation_id  UUID          NOT NULL,
    causation_id    UUID,
    source_service  VARCHAR(64)   NOT NULL,
    source_instance VARCHAR(128)  NOT NULL,
    observer        VARCHAR(64),
    subject         VARCHAR(2048),
    actor           VARCHAR(256),
    outcome         VARCHAR(64),
    event           JSONB         NOT NULL,
    hash            BYTEA         NOT NULL,
    PRIMARY KEY (recorded_at, seq)
) PARTITION BY RANGE (recorded_at);

-- Catches anything outside the monthly partitions, so an insert never fails for want of one.
CREATE TABLE audit_record_default PARTITION OF audit_record DEFAULT;

CREATE INDEX audit_record_seq_idx ON audit_record (seq);
CREATE INDEX audit_record_occurred_idx ON audit_record (occurred_at DESC, seq DESC);
CREATE INDEX audit_record_type_idx ON audit_record (type, occurred_at DESC, seq DESC);
CREATE INDEX audit_record_cell_idx ON audit_record (cell, occurred_at DESC, seq DESC);
CREATE INDEX audit_record_correlation_idx ON audit_record (correlation_id, occurred_at, seq);
CREATE INDEX audit_record_outcome_idx ON audit_record (outcome, occurred_at DESC, seq DESC) WHERE outcome IS NOT NULL;
CREATE INDEX audit_record_actor_idx ON audit_record (actor, occurred_at DESC, seq DESC) WHERE actor IS NOT NULL;

-- The end of the chain: appends lock this row, so records get gap-free seqs in one order.
CREATE TABLE audit_chain_head (
    id               SMALLINT    PRIMARY KEY CHECK (id = 1),
    last_seq         BIGINT      NOT NULL,
    last_hash        BYTEA       NOT NULL,
    last_recorded_at TIMESTAMPTZ NOT NULL
);
INSERT INTO audit_chain_head VALUES (1, 0, decode(repeat('00', 32), 'hex'), 'epoch');

-- A retention purge drops whole months and leaves a signed-off checkpoint: verification goes on
-- from its last hash.
CREATE TABLE audit_checkpoint (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at    TIMESTAMPTZ  NOT NULL,
    purged_before TIMESTAMPTZ  NOT NULL,
    last_seq      BIGINT       NOT NULL,
    last_hash     BYTEA        NOT NULL,
    records       BIGINT       NOT NULL,
    signed_off_by VARCHAR(256) NOT NULL,
    reason        TEXT         NOT NULL,
    signature     BYTEA        NOT NULL
);

-- Records and checkpoints are never changed or removed row by row.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_event_id_append_only BEFORE UPDATE OR DELETE ON audit_event_id
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_event_id_no_truncate BEFORE TRUNCATE ON audit_event_id
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- The partition of one month, created when missing (the service keeps this and next month ready).
CREATE FUNCTION audit_ensure_month(month_start DATE) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    partition TEXT := format('audit_record_%s', to_char(month_start, 'YYYY_MM'));
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF audit_record FOR VALUES FROM (%L) TO (%L)',
                   partition, month_start, (month_start + INTERVAL '1 month')::DATE);
    EXECUTE format('CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()',
                   partition);
    RETURN partition;
EXCEPTION WHEN duplicate_object THEN
    RETURN partition;
END
$$;

SELECT audit_ensure_month(date_trunc('month', now())::DATE);
SELECT audit_ensure_month((date_trunc('month', now()) + INTERVAL '1 month')::DATE);
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_record_default
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
