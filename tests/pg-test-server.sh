#!/usr/bin/env bash
# Start (or reuse) a private, throw-away PostgreSQL cluster for `make test-postgres` and
# print its URL. Installs Debian's postgresql package when no server binaries exist.
# The cluster lives in $PG_TEST_DIR (default /tmp/redband-pg), listens on 127.0.0.1:$PG_TEST_PORT
# (default 54329) with trust authentication, and runs with fsync off: it holds test data only.
# `pg-test-server.sh stop` stops it again (make test-postgres does, unless KEEP_PG=1).
set -euo pipefail

DIR=${PG_TEST_DIR:-/tmp/redband-pg}
PORT=${PG_TEST_PORT:-54329}
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(bindir)" ]; then
    echo "pg-test-server: installing postgresql (Debian package)" >&2
    $SUDO apt-get update >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi
BIN=$(bindir)
[ -n "$BIN" ] || { echo "pg-test-server: no PostgreSQL server binaries found" >&2; exit 1; }

if [ "${1:-}" = stop ]; then
    BIN=$(bindir)
    [ -n "$BIN" ] && [ -f "$DIR/data/PG_VERSION" ] || exit 0
    AS=""; [ "$(id -u)" = 0 ] && AS="runuser -u postgres --"
    $AS "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1 || exit 0
    $AS "$BIN/pg_ctl" -D "$DIR/data" -w -t 60 stop -m fast >&2
    exit 0
fi

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    AS="runuser -u postgres --"
    mkdir -p "$DIR"; chown postgres: "$DIR"
else
    AS=""
    mkdir -p "$DIR"
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
    $AS "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2 \
      || $AS "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C >&2
fi
if ! $AS "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    $AS "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
