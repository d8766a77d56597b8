-- Retention rules may name the purpose of an exchange (its header's purpose code); older rows have none.
ALTER TABLE exchange ADD COLUMN purpose VARCHAR(64);

-- Legal holds set by auditors: while one is active (not released) the exchange is never purged, whatever
-- its retention rule says. Released holds stay as the record of who held what, and why.
CREATE TABLE legal_hold (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exchange_id    UUID                     NOT NULL REFERENCES exchange (id),
    reason         VARCHAR(1000)            NOT NULL,
    set_by         VARCHAR(128)             NOT NULL,
    set_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by    VARCHAR(128),
    released_at    TIMESTAMP WITH TIME ZONE,
    release_reason VARCHAR(1000)
);

CREATE INDEX legal_hold_exchange ON legal_hold (exchange_id, released_at);

-- What retention destroyed: the exchange's evidence rows and its data key are gone, this row and the audit
-- trail stay. inventory lists each destroyed document as "KIND recipient digest" (one per line); the PURGED
-- audit event carries its SHA-256, so an evidence bundle can prove what the content was without it.
CREATE TABLE exchange_purge (
    exchange_id UUID PRIMARY KEY REFERENCES exchange (id),
    rule_id     VARCHAR(64)              NOT NULL,
    purged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    documents   INT                      NOT NULL,
    inventory   VARCHAR(65536)           NOT NULL
);
