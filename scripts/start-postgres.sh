#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1:${CT_PG_PORT:-55432} (trust auth, no fsync:
# for tests only) unless one already answers there. Prints the connection string to use.
# CT_PG_DURABLE=1 keeps PostgreSQL's own defaults (fsync, synchronous commit): for benchmarks, whose
# figures must include making each commit durable.
set -euo pipefail
port=${CT_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=${CT_PG_DATA:-/tmp/commonthread-pg-$port}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
unsafe="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${CT_PG_DURABLE:-0}" = 1 ] && unsafe=""
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    as_pg "$bin/initdb" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 -D "$data" >/dev/null
  fi
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 $unsafe" start >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
