-- One dialect for PostgreSQL and for H2 in PostgreSQL mode (the embedded default).

-- An accepted exchange: the facts the gateway verified before it answered the agency.
CREATE TABLE exchange (
    id                 UUID PRIMARY KEY,  -- the exchange id; also the durable replay guard
    correlation_id     UUID                     NOT NULL,
    originator         VARCHAR(64)              NOT NULL,
    category           VARCHAR(32)              NOT NULL,
    classification     VARCHAR(16)              NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    channel            VARCHAR(8)               NOT NULL,
    signer_certificate CHAR(64)                 NOT NULL,  -- SHA-256 fingerprints
    client_certificate CHAR(64)                 NOT NULL,
    signed_digest      CHAR(64)                 NOT NULL   -- of the verified, signed plaintext
);

CREATE INDEX exchange_originator ON exchange (originator, received_at);

-- Documents kept as evidence, addressed by their SHA-256: the protected original, the signed
-- plaintext, each partner view and what each partner was sent.
CREATE TABLE evidence (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exchange_id UUID                     NOT NULL REFERENCES exchange (id),
    kind        VARCHAR(24)              NOT NULL,
    partner_id  VARCHAR(64),
    digest      CHAR(64)                 NOT NULL,
    media_type  VARCHAR(64)              NOT NULL,
    content     BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX evidence_exchange ON evidence (exchange_id, kind);

-- One partner's share of an exchange: the decision, then the durable outbox entry for its delivery.
-- The id is the message id the partner sees, stable across retries so that it can de-duplicate.
CREATE TABLE share (
    id              UUID PRIMARY KEY,
    exchange_id     UUID                     NOT NULL REFERENCES exchange (id),
    partner_id      VARCHAR(64)              NOT NULL,
    decision        VARCHAR(8)               NOT NULL,
    rule_id         VARCHAR(64),
    reason          VARCHAR(500),
    policy_version  VARCHAR(64)              NOT NULL,
    view_digest     CHAR(64),
    state           VARCHAR(16)              NOT NULL,
    attempts        INT                      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error_code VARCHAR(32),
    last_error      VARCHAR(1000),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT share_once_per_partner UNIQUE (exchange_id, partner_id)
);

CREATE INDEX share_due ON share (state, next_attempt_at);

-- Every step of every flow, accepted or refused. The tamper-evident chain is built on top of this.
CREATE TABLE audit_event (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    exchange_id        UUID,
    partner_id         VARCHAR(64),
    step               VARCHAR(32)              NOT NULL,
    outcome            VARCHAR(16)              NOT NULL,
    code               VARCHAR(48),
    actor              VARCHAR(128),
    actor_certificate  CHAR(64),
    digest             CHAR(64),
    detail             VARCHAR(2000),
    node               VARCHAR(64)              NOT NULL
);

CREATE INDEX audit_event_exchange ON audit_event (exchange_id, id);
