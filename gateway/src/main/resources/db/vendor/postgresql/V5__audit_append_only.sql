-- PostgreSQL only (H2 is for development and gets nothing): audit rows can be added, never changed or
-- removed, whatever role the application connects as. Only a table owner or superuser can get round
-- this (ALTER TABLE ... DISABLE TRIGGER, session_replication_role = replica), and the hash chain with
-- its signed checkpoints shows whatever they change. README "Audit trail" says how to run the gateway
-- under a role that owns nothing.
CREATE FUNCTION audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
