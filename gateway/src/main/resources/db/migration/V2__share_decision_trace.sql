-- The policy engine's output kept with each share: how many distinct officers must approve a held
-- share, and the trace of every rule it evaluated (JSON), which approvals and auditors read.
ALTER TABLE share ADD COLUMN approvers INT NOT NULL DEFAULT 0;
ALTER TABLE share ADD COLUMN trace VARCHAR(20000);
