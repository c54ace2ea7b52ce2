#!/usr/bin/env bash
# A PostgreSQL 15 + PostGIS 3 cluster on localhost for the PostGIS tests (issue 14): starts the Debian cluster 15/main
# (on a fresh machine and when it already runs), then makes the test role and database if they are missing. The tests
# load the Zengdu sample into it themselves with ogr2ogr. Run as root (or with sudo). Safe to run again.
# The role's password is the tests' own (app and gis-core surefire settings pass it through a .pgpass file, never on
# a command line of the program); it guards nothing but this throw-away database.
set -euo pipefail
ROLE="${BASINGUARD_TEST_PGUSER:-basinguard_test}"
DB="${BASINGUARD_TEST_PGDATABASE:-basinguard_test}"
PASSWORD="${BASINGUARD_TEST_PGPASSWORD:-BgTest-7f3Kq9Zx}"
VERSION=15

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgis-setup: PostgreSQL is not installed (apt-get install postgresql-$VERSION postgresql-$VERSION-postgis-3)" >&2
  exit 1
fi
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$VERSION" main start
fi
as_postgres() { if [ "$(id -u)" = "0" ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
for i in $(seq 1 30); do as_postgres "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done

as_postgres "psql -qAt -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $DB OWNER $ROLE ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB')\gexec
SQL
as_postgres "psql -qAt -v ON_ERROR_STOP=1 -d $DB -c 'SET client_min_messages TO warning' -c 'CREATE EXTENSION IF NOT EXISTS postgis'"
echo "postgis-setup: postgresql://$ROLE@localhost:5432/$DB ready (PostGIS $(as_postgres "psql -qAtd $DB -c 'select postgis_lib_version()'"))"
