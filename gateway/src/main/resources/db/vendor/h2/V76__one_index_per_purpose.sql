-- H2 only. H2 gives a foreign key declared in CREATE TABLE an index of its own on exactly its columns, made
-- before the table's UNIQUE constraints and the CREATE INDEX statements that follow, which lead with the same
-- columns. Each such pair costs two B-tree inserts per row where one answers every lookup, and pages in
-- every commit's chunk; every exchange writes seven evidence rows and six audit chain links.
-- PostgreSQL makes no index for a foreign key and has none of these pairs.
--
-- A chain link's event and a checkpoint's link: declared again, each key is checked through the UNIQUE index
-- on its column, and H2 drops the index it had made. The names dropped are the ones H2 generated, which are
-- the same for every database made by these migrations; one that differs fails here, loudly.
ALTER TABLE audit_chain DROP CONSTRAINT "CONSTRAINT_366";
ALTER TABLE audit_chain ADD CONSTRAINT audit_chain_event_fk FOREIGN KEY (event_id) REFERENCES audit_event (id);
ALTER TABLE audit_checkpoint DROP CONSTRAINT "CONSTRAINT_375";
ALTER TABLE audit_checkpoint ADD CONSTRAINT audit_checkpoint_chain_fk FOREIGN KEY (seq) REFERENCES audit_chain (seq);

-- Evidence: H2 lets a foreign key use only an index on exactly its columns, so the index that goes is the
-- wider one; an exchange's evidence is found through exchange_id alone and its few rows filtered by kind.
-- (A share keeps both: the one on exchange_id alone for its foreign key, the unique one on exchange_id and
-- recipient_id for its constraint.)
DROP INDEX evidence_exchange;
