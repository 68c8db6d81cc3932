#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1:55432 for the store's PostgreSQL tests
# and prints its SQLAlchemy URL. Installs Debian's postgresql when missing. Idempotent.
#   export NETRA_TEST_POSTGRES_URL=$(./scripts/postgres.sh)
set -euo pipefail
port=55432
root=/tmp/netra-pg
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ ! -f "$root/data/PG_VERSION" ]; then
  mkdir -p "$root"
  [ "$(id -u)" -eq 0 ] && chown postgres "$root"
  as_pg "$bin/initdb -D $root/data -A trust -U postgres >/dev/null"
fi
if ! as_pg "$bin/pg_ctl -D $root/data status" >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl -D $root/data -l $root/log -w -o \"-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off\" start" >&2
fi
as_pg "$bin/psql -h 127.0.0.1 -p $port -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='netra_test'\"" | grep -q 1 \
  || as_pg "$bin/createdb -h 127.0.0.1 -p $port -U postgres netra_test"
echo "postgresql+asyncpg://postgres@127.0.0.1:$port/netra_test"
