-- Evidence encrypted at rest. Each exchange has its own AES-256 data key, kept here only wrapped by a
-- key-encryption key (named by its alias in the key store). Destroying this row makes whatever is left of
-- the exchange's evidence unreadable anywhere, including in backups: that is how retention purges.
CREATE TABLE exchange_key (
    exchange_id  UUID PRIMARY KEY REFERENCES exchange (id),
    kek_alias    VARCHAR(128)             NOT NULL,
    wrapped_key  BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    rewrapped_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX exchange_key_kek ON exchange_key (kek_alias);

-- Rows written before this migration stay readable as they are (sealed = FALSE); every new row is sealed
-- with its exchange's data key. Digests stay over the plaintext, so the audit trail does not change.
ALTER TABLE evidence ADD COLUMN sealed BOOLEAN NOT NULL DEFAULT FALSE;
