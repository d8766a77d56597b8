-- Every INTERPOL notice the poller has delivered: the external key, the version the agencies last got,
-- and whether the public list still shows it. The list carries no version, so this table, not the
-- exchange table, says whether a fetched detail is new, changed or already known.
CREATE TABLE interpol_notice (
    notice_type VARCHAR(8)               NOT NULL,  -- red, yellow, un
    entity_id   VARCHAR(24)              NOT NULL,  -- YYYY/NNNNN, as the API writes it
    digest      CHAR(64)                 NOT NULL,  -- of the canonical detail (NoticeVersion)
    state       VARCHAR(16)              NOT NULL,  -- PUBLISHED or WITHDRAWN
    exchange_id UUID                     NOT NULL REFERENCES exchange (id),  -- of this version or its withdrawal
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notice_type, entity_id)
);

CREATE INDEX interpol_notice_state ON interpol_notice (notice_type, state);
