#!/usr/bin/env bash
# Brings the multi-node topology up on this one machine, on loopback, with its own ports and data folders:
#   PostgreSQL primary (:56432) streaming to a replica (:56433), PgBouncer in transaction mode (:56439)
#   in front of the primary, N app nodes (:5201…) sharing the database through it, nginx (:5200) in front.
# Usage: deploy/topology.sh up [NODES] | promote | stop-node N | start-node N | down
# Data and logs go to ${CT_TOPOLOGY:-/tmp/commonthread-topology}. Installs nginx and PgBouncer with apt-get
# when missing. The app is published once into $CT_TOPOLOGY/app (dotnet publish -c Release).
# CT_NODE_SETTINGS="Key__Sub=value …" at "up" adds settings to every node, restarted ones too (failover-check.py raises the intake limits).
set -euo pipefail
root=${CT_TOPOLOGY:-/tmp/commonthread-topology}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
primary_port=56432 replica_port=56433 bouncer_port=56439 front_port=5200 first_node=5201
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
own_pg() { mkdir -p "$1"; chmod 700 "$1"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$1"; return 0; }

install_missing() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v pgbouncer >/dev/null || missing+=(pgbouncer)
  command -v curl >/dev/null || missing+=(curl)
  [ -x "$bin/initdb" ] || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
}

start_primary() {
  own_pg "$root/primary"
  own_pg "$root/pglogs"; chmod 755 "$root/pglogs"
  if [ ! -f "$root/primary/PG_VERSION" ]; then
    as_pg "$bin/initdb" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 -D "$root/primary" >/dev/null
    cat "$here/postgres/primary.conf" >> "$root/primary/postgresql.conf"
    cat "$here/postgres/pg_hba.conf" > "$root/primary/pg_hba.conf"
  fi
  as_pg "$bin/pg_ctl" -D "$root/primary" -l "$root/pglogs/primary.log" -w -o "-p $primary_port -k /tmp" start >/dev/null
}

start_replica() {
  if [ ! -f "$root/replica/PG_VERSION" ]; then
    own_pg "$root/replica"
    # A base backup of the primary that follows it (standby.signal and primary_conninfo written by -R).
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$root/replica" -R -X stream -c fast >/dev/null
  fi
  as_pg "$bin/pg_ctl" -D "$root/replica" -l "$root/pglogs/replica.log" -w -o "-p $replica_port -k /tmp" start >/dev/null
}

start_bouncer() {
  local target_port=$1
  mkdir -p "$root/pgbouncer"
  sed -e "s|@TARGET_PORT@|$target_port|; s|@PORT@|$bouncer_port|; s|@ROOT@|$root|g" "$here/pgbouncer/pgbouncer.ini" > "$root/pgbouncer/pgbouncer.ini"
  echo '"postgres" ""' > "$root/pgbouncer/users.txt"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$root/pgbouncer"
  if [ -f "$root/pgbouncer/pgbouncer.pid" ] && kill -0 "$(cat "$root/pgbouncer/pgbouncer.pid")" 2>/dev/null; then
    kill -HUP "$(cat "$root/pgbouncer/pgbouncer.pid")" # RELOAD: new server connections go to the new target
  else
    as_pg pgbouncer -d "$root/pgbouncer/pgbouncer.ini" < /dev/null > /dev/null 2>&1
  fi
}

publish() {
  [ -f "$root/app/CommonThread.Web.dll" ] || dotnet publish "$repo/src/CommonThread.Web" -c Release -o "$root/app" -nologo -v quiet >/dev/null
}

start_node() {
  local n=$1 port=$((first_node + $1 - 1))
  local settings=${CT_NODE_SETTINGS:-$(cat "$root/node-settings" 2>/dev/null || true)}
  mkdir -p "$root/node$n"
  # Every node: the same database (writes through PgBouncer, reports and exports on the replica while it is a
  # standby, else on whichever server is up), the same keys kept outside it, its own port and folder.
  # The content root is the published app (its appsettings.json and wwwroot); the node's folder is its working one.
  (cd "$root/node$n"; exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$root/app" Urls="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    Database__ConnectionString="Host=127.0.0.1;Port=$bouncer_port;Username=postgres;Database=commonthread;No Reset On Close=true;Timeout=5" \
    Database__StandbyConnectionString="Host=127.0.0.1:$replica_port,127.0.0.1:$primary_port;Target Session Attributes=prefer-standby;Username=postgres;Database=commonthread;Timeout=5" \
    Database__MigrateOnStart=$([ "$n" = 1 ] && echo true || echo false) Demo__Seed=$([ "$n" = 1 ] && echo true || echo false) \
    Grievances__KeyFile="$root/grievances-master.key" DataProtection__KeyFile="$root/keyring-wrapping.key" \
    WebDefences__KnownProxies__0=127.0.0.1 Health__DrainDelay=00:00:03 \
    Logging__Console__FormatterName=json Logging__Console__FormatterOptions__IncludeScopes=true $settings \
    dotnet "$root/app/CommonThread.Web.dll" < /dev/null > "$root/node$n.log" 2>&1) &
  echo $! > "$root/node$n.pid"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && return 0; sleep 1; done
  echo "node $n did not become ready; see $root/node$n.log" >&2; return 1
}

start_front() {
  local nodes=$1 servers=""
  for n in $(seq 1 "$nodes"); do servers+="    server 127.0.0.1:$((first_node + n - 1)) max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$root/nginx"
  awk -v servers="$servers" -v port="$front_port" -v root="$root" \
    '{ gsub("@SERVERS@", servers); gsub("@PORT@", port); gsub("@ROOT@", root); print }' "$here/nginx/nginx.conf" > "$root/nginx/nginx.conf"
  nginx -c "$root/nginx/nginx.conf" -p "$root/nginx" < /dev/null > /dev/null 2>&1
}

case "${1:-}" in
  up)
    nodes=${2:-2}
    install_missing
    if [ -f "$root/replica/PG_VERSION" ] && [ ! -f "$root/replica/standby.signal" ]; then
      # After "promote" the replica is a primary: starting both again would give two primaries and no replication.
      echo "$root holds a failed-over topology: run 'down' and remove $root for a new one" >&2; exit 1
    fi
    mkdir -p "$root"
    echo "${CT_NODE_SETTINGS:-}" > "$root/node-settings" # kept for the nodes started later (start-node)
    start_primary
    psql -h 127.0.0.1 -p "$primary_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='commonthread'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$primary_port" -U postgres -qc "CREATE DATABASE commonthread"
    start_replica
    start_bouncer "$primary_port"
    publish
    # The first node migrates and seeds; the others start once it has.
    for n in $(seq 1 "$nodes"); do start_node "$n"; done
    start_front "$nodes"
    echo "$nodes" > "$root/nodes"
    echo "CommonThread on http://127.0.0.1:$front_port ($nodes nodes; primary :$primary_port, replica :$replica_port, PgBouncer :$bouncer_port)"
    ;;
  stop-node) kill -TERM "$(cat "$root/node$2.pid")" ;;
  kill-node) kill -9 "$(cat "$root/node$2.pid")" ;;
  start-node) start_node "$2" ;;
  promote)
    # Manual failover: stop the primary if it still runs, promote the replica, point PgBouncer at it.
    as_pg "$bin/pg_ctl" -D "$root/primary" -m fast stop >/dev/null 2>&1 || true
    as_pg "$bin/pg_ctl" -D "$root/replica" -w promote >/dev/null
    start_bouncer "$replica_port"
    echo "The replica (:$replica_port) is the primary now; PgBouncer sends new connections there."
    ;;
  down)
    [ -f "$root/nginx/nginx.pid" ] && nginx -c "$root/nginx/nginx.conf" -p "$root/nginx" -s stop 2>/dev/null || true
    for pid in "$root"/node*.pid; do [ -f "$pid" ] && kill -TERM "$(cat "$pid")" 2>/dev/null || true; done
    # The nodes drain and stop their schedulers while the database is still there; stragglers are killed.
    for _ in $(seq 1 30); do
      alive=0; for pid in "$root"/node*.pid; do [ -f "$pid" ] && kill -0 "$(cat "$pid")" 2>/dev/null && alive=1; done
      [ "$alive" = 0 ] && break; sleep 1
    done
    for pid in "$root"/node*.pid; do [ -f "$pid" ] && kill -9 "$(cat "$pid")" 2>/dev/null || true; done
    [ -f "$root/pgbouncer/pgbouncer.pid" ] && kill "$(cat "$root/pgbouncer/pgbouncer.pid")" 2>/dev/null || true
    for d in replica primary; do [ -f "$root/$d/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$root/$d" -m fast stop >/dev/null 2>&1 || true; done
    ;;
  *) sed -n 2,8p "$0"; exit 2 ;;
esac
