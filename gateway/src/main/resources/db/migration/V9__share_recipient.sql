-- Since inbound exchanges (V6) a share's partner_id, and that of the evidence kept for it, may name an
-- agency: the column names the recipient, whichever way the exchange travels. Renamed in place, data kept.
-- audit_event.partner_id stays as it is: it is part of every chained entry's canonical encoding.
ALTER TABLE share RENAME COLUMN partner_id TO recipient_id;
ALTER TABLE share RENAME CONSTRAINT share_once_per_partner TO share_once_per_recipient;
ALTER TABLE evidence RENAME COLUMN partner_id TO recipient_id;
