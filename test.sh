#!/usr/bin/env bash
# Runs every BillingKit test, the PostgreSQL-backed ones included.
#
# It starts a throwaway PostgreSQL server of its own (installing Debian's postgresql package when the
# machine lacks it), on a Unix socket in a temporary folder, points the tests at it through
# BILLINGKIT_TEST_POSTGRES, and stops and deletes it at the end, whatever the outcome.
# Extra arguments go to `dotnet test` (for example: ./test.sh --filter FullyQualifiedName~Ledger).
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_bin=$(find_pg_bin || true)
if [ -z "$pg_bin" ]; then
  log "PostgreSQL is not installed; installing Debian's postgresql package"
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(find_pg_bin) || { echo "error: PostgreSQL could not be installed; the PostgreSQL tests cannot run." >&2; exit 1; }
fi

# initdb and postgres refuse to run as root: run them as the 'postgres' account Debian's package creates.
pg_user=$(id -un)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_pg=(runuser -u postgres --)
fi

pg_dir=$(mktemp -d /tmp/billingkit-pg.XXXXXX)
chmod 755 "$pg_dir"
[ "$pg_user" = postgres ] && chown postgres "$pg_dir"
stop_pg() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

log "Starting a throwaway PostgreSQL ($("$pg_bin/postgres" --version)) in $pg_dir"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U billingkit --auth=trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; echo "error: initdb failed; the PostgreSQL tests cannot run." >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -t 60 -l "$pg_dir/server.log" \
  -o "-c listen_addresses='' -c unix_socket_directories='$pg_dir' -c max_connections=200 -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$pg_dir/server.log" >&2; echo "error: PostgreSQL did not start; the PostgreSQL tests cannot run." >&2; exit 1; }
export BILLINGKIT_TEST_POSTGRES="Host=$pg_dir;Username=billingkit;Database=postgres;Pooling=true"

log "Building and running the tests"
set +e
dotnet test BillingKit.sln -c Release "$@" 2>&1 | tee "$pg_dir/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test project: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "\nTests: %d passed, %d failed, %d skipped\n", p, f, s }' "$pg_dir/test.log"
exit "$status"
