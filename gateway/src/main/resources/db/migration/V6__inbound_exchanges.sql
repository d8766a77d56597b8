-- Partner intelligence flows back to the agencies through the same tables: an inbound exchange's
-- originator is the partner, and its shares (share.partner_id) are addressed to agencies.
ALTER TABLE exchange ADD COLUMN direction VARCHAR(8) NOT NULL DEFAULT 'OUTBOUND';

-- A polled feed (INTERPOL notices) signs nothing, and the gateway fetched it rather than being sent it.
ALTER TABLE exchange ALTER COLUMN signer_certificate DROP NOT NULL;
ALTER TABLE exchange ALTER COLUMN client_certificate DROP NOT NULL;
