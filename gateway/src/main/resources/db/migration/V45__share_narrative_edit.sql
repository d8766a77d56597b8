-- The officer whose narrative text a held share's partner view carries, when one edited it: the text
-- itself is in that view, kept as PARTNER_VIEW evidence, so a re-decision under a new policy keeps the
-- officer's text instead of bringing back what the narrative rule gives. NULL: nobody edited it.
ALTER TABLE share ADD COLUMN narrative_edited_by VARCHAR(64);
