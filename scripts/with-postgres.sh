#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster and removes the cluster afterwards,
# also when the command fails or is interrupted:
#
#   bash scripts/with-postgres.sh npx vitest run tests/integration
#
# The command sees TEST_DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres (a superuser
# on a fresh cluster; the tests create a database per test from it). Debian's `postgresql` package
# is installed with apt when missing (as root). initdb refuses to run as root, so as root the
# cluster runs as the `postgres` user. Durability is off (fsync, full page writes): test data only.
set -euo pipefail

find_bin() {
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! bin=$(find_bin); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is missing: run 'sudo apt-get install -y postgresql'." >&2
    exit 1
  fi
  echo "Installing Debian's postgresql for the PostgreSQL test run..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(find_bin)
fi

if [ "$(id -u)" -eq 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

dir=$(mktemp -d -t frirum-pg-XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

stop_cluster() {
  as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -s >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" start -D "$dir/data" -w -s -l "$dir/server.log" \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off" ||
  { cat "$dir/server.log" >&2; exit 1; }

echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port ($dir)"
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
