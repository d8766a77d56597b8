-- The gateway's database on PostgreSQL (docs/production.md, "Database"): an owner that runs the
-- migrations (spring.flyway.user) and an application role that owns nothing and is not a superuser, so it
-- cannot switch off the append-only triggers on the audit tables. Run as a superuser:
--   psql -v owner_password=… -v app_password=… -f deploy/database.sql
CREATE ROLE borderlink_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE borderlink_app LOGIN PASSWORD :'app_password';
CREATE DATABASE borderlink OWNER borderlink_owner;
\connect borderlink
ALTER SCHEMA public OWNER TO borderlink_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO borderlink_app;
-- Whatever the owner's migrations create, the application may read and write (not alter or drop); the
-- triggers refuse UPDATE, DELETE and TRUNCATE on the audit tables to every role.
ALTER DEFAULT PRIVILEGES FOR ROLE borderlink_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO borderlink_app;
ALTER DEFAULT PRIVILEGES FOR ROLE borderlink_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO borderlink_app;
