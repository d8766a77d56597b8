#!/bin/sh
# Run once by the postgres image when its volume is empty: the application role of deploy/database.sql
# (the image has already made the owner, borderlink_owner, and the database).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE borderlink_app LOGIN PASSWORD '$(cat /run/secrets/postgres-app-password)';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO borderlink_app;
ALTER DEFAULT PRIVILEGES FOR ROLE borderlink_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO borderlink_app;
ALTER DEFAULT PRIVILEGES FOR ROLE borderlink_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO borderlink_app;
SQL
