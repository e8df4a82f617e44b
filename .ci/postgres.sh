#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the storage contract tests: installed from Debian if missing,
# created with initdb in a temporary folder, started on a free loopback port, and stopped (and
# removed) by ent_pg_stop. ent_pg_start exports ENT_TEST_POSTGRES, the one variable the tests read.
# Usage: source .ci/postgres.sh; ent_pg_start; ...; ent_pg_stop

ent_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ent_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ent_pg_start() {
  local bin
  bin=$(ent_pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "Installing PostgreSQL (Debian package postgresql)..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || {
      echo "Could not install PostgreSQL; the PostgreSQL contract tests will fail and say how to provide a server."; return 1; }
    bin=$(ent_pg_bin)
  fi

  ENT_PG_DIR=$(mktemp -d /tmp/ent-pg-XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$ENT_PG_DIR"
  local port=55432
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

  ent_pg_as_owner "$bin/initdb" -D "$ENT_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$ENT_PG_DIR/initdb.log" 2>&1 \
    || { cat "$ENT_PG_DIR/initdb.log"; return 1; }
  # random_page_cost=1.1 (the data is on SSD) and max_wal_size=4GB (bulk imports without forced
  # checkpoints), as docs/storage.md recommends for a department's server.
  ent_pg_as_owner "$bin/pg_ctl" -D "$ENT_PG_DIR/data" -l "$ENT_PG_DIR/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $ENT_PG_DIR -c fsync=on -c max_connections=200 -c random_page_cost=1.1 -c max_wal_size=4GB" start >/dev/null \
    || { cat "$ENT_PG_DIR/server.log"; return 1; }
  export ENT_PG_DIR ENT_PG_BIN="$bin"
  export ENT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port (cluster in $ENT_PG_DIR)."
}

ent_pg_stop() {
  if [ -n "${ENT_PG_DIR:-}" ] && [ -d "$ENT_PG_DIR/data" ]; then
    ent_pg_as_owner "$ENT_PG_BIN/pg_ctl" -D "$ENT_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$ENT_PG_DIR"
    echo "PostgreSQL stopped."
  fi
  unset ENT_PG_DIR
}
