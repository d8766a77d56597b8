-- An administrator may abandon a dead-lettered share (state ABANDONED): who, when and why are kept with
-- the share, as well as in the audit trail.
ALTER TABLE share ADD COLUMN abandoned_by VARCHAR(128);
ALTER TABLE share ADD COLUMN abandoned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE share ADD COLUMN abandon_reason VARCHAR(1000);
