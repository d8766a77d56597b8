-- The tamper-evident audit trail (README "Audit trail"). Business transactions append audit_event rows
-- as before, plus one audit_pending row each; the sequencer, one node at a time, gives every committed
-- event a gap-free sequence number and a hash chained to the previous entry, and signs checkpoints.

-- Events committed but not yet chained: the sequencer's work queue, durable like the events themselves.
CREATE TABLE audit_pending (
    event_id BIGINT PRIMARY KEY REFERENCES audit_event (id)
);

-- Events recorded before this migration are chained first, in the order they were recorded.
INSERT INTO audit_pending (event_id) SELECT id FROM audit_event;

-- One row whose row lock makes one sequencer at a time across the cluster (SELECT ... FOR UPDATE).
CREATE TABLE audit_head (
    id INT PRIMARY KEY,
    CONSTRAINT audit_head_one_row CHECK (id = 1)
);

INSERT INTO audit_head (id) VALUES (1);

-- The chain: entry_hash = SHA-256 of the event's canonical encoding, chain_hash = SHA-256 of the previous
-- chain hash and this entry hash (both as raw 32 bytes; 32 zero bytes before the first entry).
CREATE TABLE audit_chain (
    seq        BIGINT PRIMARY KEY,
    event_id   BIGINT   NOT NULL REFERENCES audit_event (id),
    entry_hash CHAR(64) NOT NULL,
    chain_hash CHAR(64) NOT NULL,
    CONSTRAINT audit_chain_event_once UNIQUE (event_id)
);

-- The head of the chain signed by the gateway (a compact JWS), every N entries or T seconds.
CREATE TABLE audit_checkpoint (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq                BIGINT                   NOT NULL REFERENCES audit_chain (seq),
    chain_hash         CHAR(64)                 NOT NULL,
    signed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    signer_certificate CHAR(64)                 NOT NULL,
    statement          VARCHAR(4000)            NOT NULL,
    CONSTRAINT audit_checkpoint_once_per_seq UNIQUE (seq)
);

-- RFC 3161 time-stamp tokens over checkpoint statements, from the TSA at borderlink.audit.tsa-url.
CREATE TABLE audit_anchor (
    checkpoint_id BIGINT PRIMARY KEY REFERENCES audit_checkpoint (id),
    tsa           VARCHAR(500)             NOT NULL,
    stamped_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    token         BYTEA                    NOT NULL
);

-- Auditors search by time range; exports select by it.
CREATE INDEX audit_event_time ON audit_event (occurred_at);
