-- H2 only. H2 hands out identity values from a cache of 32 and, whenever the cache is used up, commits the
-- sequence's new high mark in a transaction of its own; with WRITE_DELAY=0 every commit writes a chunk to
-- the file, so evidence and audit rows (a dozen per exchange) cost an extra store every third exchange.
-- A cache of 4096 makes that one store per few hundred exchanges. The sequence stays one per table and in
-- order (H2's cache is the database's, not a connection's); a crash leaves at most a gap in the ids, which
-- nothing reads as meaningful. Not for PostgreSQL, whose sequence cache is per connection: ids from two
-- connections would no longer follow the order the rows were written in, and evidence is read in that order.
ALTER TABLE evidence ALTER COLUMN id SET CACHE 4096;
ALTER TABLE audit_event ALTER COLUMN id SET CACHE 4096;
