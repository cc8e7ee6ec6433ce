# A throwaway PostgreSQL cluster for tests and benchmarks: sourced by scripts/test and
# scripts/bench. `throwaway_postgres` installs the Debian package when it is missing, makes a
# cluster in a temporary folder (as the unprivileged user `postgres` when run as root), starts
# it on a free port of 127.0.0.1, exports GIAMSAT_TEST_POSTGRES, and removes everything when
# the calling script exits. Any failure stops the script with the reason.

postgres_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

throwaway_postgres() {
  local bindir
  if ! bindir=$(postgres_bindir); then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "PostgreSQL is not installed, and there is no way to install it: run apt-get install postgresql as root" >&2
      exit 1
    fi
    echo "installing postgresql"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(postgres_bindir) || { echo "postgresql was installed but initdb is not found" >&2; exit 1; }
  fi
  "$bindir/postgres" --version

  PG_DIR=$(mktemp -d /tmp/giamsat-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  PG_RUN=("${run[@]}")
  PG_BINDIR=$bindir
  trap 'stop_throwaway_postgres' EXIT

  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1)
  "${run[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U giamsat --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; echo "initdb failed (log above)" >&2; exit 1; }
  # Tests need no durability and make many short-lived databases; benchmarks (PG_DURABLE=1)
  # keep PostgreSQL's default durability, as production runs it.
  local options="-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400"
  if [ "${PG_DURABLE:-0}" != 1 ]; then
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  "${run[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; echo "PostgreSQL did not start (log above)" >&2; exit 1; }
  PG_PORT=$port
  export GIAMSAT_TEST_POSTGRES="postgres://giamsat@127.0.0.1:$port/postgres"
  echo "throwaway PostgreSQL on 127.0.0.1:$port (data in $PG_DIR/data)"
}

stop_throwaway_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_RUN[@]}" "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
