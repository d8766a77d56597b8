-- The file-drop transport (docs/air-gap.md): recipients without an online link get files in folders.

-- Every file the gateway wrote to a recipient's export folder. One sequence per recipient; a number is given
-- once, to a share's message or to a receipt, and a share keeps its number on every attempt, so that a file
-- written again after a crash replaces itself rather than opening a gap.
CREATE TABLE drop_export (
    recipient_id VARCHAR(64)              NOT NULL,
    seq          BIGINT                   NOT NULL,
    kind         VARCHAR(16)              NOT NULL,  -- MESSAGE or RECEIPT
    share_id     UUID UNIQUE,                        -- the share a MESSAGE carries
    receipt_for  BIGINT,                             -- the recipient's own number a RECEIPT answers
    file_name    VARCHAR(128)             NOT NULL,
    digest       CHAR(64),                           -- of the file as written; null until it is
    written_at   TIMESTAMP WITH TIME ZONE,
    manifest     VARCHAR(128),                       -- the signed manifest that lists it; null until one does
    PRIMARY KEY (recipient_id, seq),
    CONSTRAINT drop_export_one_receipt UNIQUE (recipient_id, receipt_for)
);

-- What each number of a sender's sequence brought: duplicates are dropped by it, gaps are the numbers
-- missing below the highest seen or announced.
CREATE TABLE drop_import (
    sender_id   VARCHAR(64)              NOT NULL,
    seq         BIGINT                   NOT NULL,
    kind        VARCHAR(16)              NOT NULL,  -- MESSAGE or RECEIPT
    digest      CHAR(64)                 NOT NULL,
    message_id  VARCHAR(128),                       -- what the file's readable header calls its message
    outcome     VARCHAR(16)              NOT NULL,  -- IMPORTED or QUARANTINED
    code        VARCHAR(48),                        -- why it was quarantined
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sender_id, seq)
);

-- The files a sender's signed manifests announce: a file must have the digest announced for its number.
CREATE TABLE drop_announced (
    sender_id VARCHAR(64)  NOT NULL,
    seq       BIGINT       NOT NULL,
    digest    CHAR(64)     NOT NULL,
    manifest  VARCHAR(128) NOT NULL,
    PRIMARY KEY (sender_id, seq)
);
