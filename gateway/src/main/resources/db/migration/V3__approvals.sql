-- Officers' decisions on held shares. Each is bound to the exact partner view (its digest) and policy
-- version it was given for, and carries a statement signed by the gateway on the officer's behalf.
-- One officer counts once per view: the unique constraint decides, whatever nodes or caches say.
CREATE TABLE approval (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    share_id            UUID                     NOT NULL REFERENCES share (id),
    view_digest         CHAR(64)                 NOT NULL,
    policy_version      VARCHAR(64)              NOT NULL,
    officer             VARCHAR(64)              NOT NULL,
    officer_certificate CHAR(64),
    verdict             VARCHAR(8)               NOT NULL,
    reason              VARCHAR(1000)            NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    statement           VARCHAR(8000)            NOT NULL,
    CONSTRAINT approval_once_per_officer_and_view UNIQUE (share_id, view_digest, officer)
);

CREATE INDEX share_held ON share (state, partner_id);
