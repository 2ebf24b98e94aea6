#!/usr/bin/env bash
# Material benchmarks of issue 10 in one command. Starts its own throwaway RabbitMQ node and PostgreSQL cluster on
# 127.0.0.1, runs Bridge.Benchmarks.Material (BOM explosion and kit checks, then `e2e`: material requests end to end
# against raw MassTransit on the same broker; the simulated MES/WMS and the load generator run as a second process of
# the same program, `plant`, so the host's CPU is counted apart), and stops the servers again.
# Optional samplers of the host process: BRIDGE_BENCH_ALLOCATIONS=1 (bytes by type), BRIDGE_BENCH_JIT=1 (methods compiled).
#   bench/material.sh [requests]          (default 1000 for the throughput phase)
#   bench/material.sh --e2e-only [requests]
# Ports: BRIDGE_BENCH_RABBITMQ_PORT (58820), BRIDGE_BENCH_POSTGRES_PORT (58520).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
logic=1
if [[ "${1:-}" == "--e2e-only" ]]; then logic=0; shift; fi
requests=${1:-1000}
rabbit_port=${BRIDGE_BENCH_RABBITMQ_PORT:-58820}
pg_port=${BRIDGE_BENCH_POSTGRES_PORT:-58520}
pg_bin=/usr/lib/postgresql/15/bin
run_dir=$(mktemp -d /tmp/bridge-bench-material.XXXXXX)
chmod 755 "$run_dir"
node_name="bridge-bench-material-$rabbit_port@localhost"

say() { printf '[material.sh] %s\n' "$*"; }
fail() { say "ERROR: $*"; exit 1; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [[ -d "$run_dir/pg/data" ]]; then su postgres -c "$pg_bin/pg_ctl -D $run_dir/pg/data -m fast stop" >/dev/null 2>&1; fi
  if [[ -f "$run_dir/rabbit.env" ]]; then
    # shellcheck disable=SC1091
    ( set -a; . "$run_dir/rabbit.env"; timeout 30 rabbitmqctl -n "$node_name" shutdown >/dev/null 2>&1 )
    if [[ -f "$run_dir/rabbit.pid" ]]; then kill -KILL "$(cat "$run_dir/rabbit.pid")" 2>/dev/null; fi
  fi
  rm -rf "$run_dir"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # name port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "$1 did not open 127.0.0.1:$2 within $3 s"
}

for port in "$rabbit_port" "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is in use (set BRIDGE_BENCH_RABBITMQ_PORT / BRIDGE_BENCH_POSTGRES_PORT)"; fi
done
command -v rabbitmq-server >/dev/null || fail "rabbitmq-server is not installed (apt-get install -y --no-upgrade rabbitmq-server)"
[[ -x $pg_bin/initdb ]] || fail "PostgreSQL 15 is not installed at $pg_bin"

say "building Bridge.Benchmarks.Material (Release)"
dotnet build -c Release Bridge.Benchmarks.Material -v q -nologo >"$run_dir/build.log" 2>&1 || fail "build failed: $(grep -m5 error "$run_dir/build.log")"

dir="$run_dir/rabbit"
mkdir -p "$dir"
cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$rabbit_port
loopback_users = none
CONF
echo "[]." >"$dir/enabled_plugins"
cat >"$run_dir/rabbit.env" <<ENVF
RABBITMQ_NODENAME=$node_name
RABBITMQ_USE_LONGNAME=false
RABBITMQ_CONFIG_FILE=$dir/rabbitmq
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_DIST_PORT=$(( rabbit_port > 30000 ? rabbit_port - 20000 : rabbit_port + 20000 ))
ENVF
chown -R rabbitmq:rabbitmq "$dir" 2>/dev/null || true
say "starting RabbitMQ on 127.0.0.1:$rabbit_port"
( set -a; . "$run_dir/rabbit.env"; exec rabbitmq-server >"$run_dir/rabbit.out" 2>&1 ) &
echo $! >"$run_dir/rabbit.pid"
wait_port RabbitMQ "$rabbit_port" 90
( set -a; . "$run_dir/rabbit.env"; timeout 60 rabbitmqctl -n "$node_name" await_startup >/dev/null 2>&1 ) || fail "RabbitMQ did not start"

home="$run_dir/pg"
mkdir -p "$home" && chown postgres "$home"
echo bridge >"$home/pgpass" && chown postgres "$home/pgpass"
say "starting PostgreSQL on 127.0.0.1:$pg_port (fsync on, synchronous_commit off, pg_stat_statements for the statement counts)"
su postgres -c "$pg_bin/initdb -D $home/data -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$home/pgpass -E UTF8 --locale=C.UTF-8 --no-sync" \
  >"$run_dir/initdb.log" 2>&1 || fail "initdb failed: $(tail -3 "$run_dir/initdb.log")"
su postgres -c "$pg_bin/pg_ctl -D $home/data -w -l $home/postgres.log -o '-p $pg_port -c listen_addresses=127.0.0.1 -k $home -c synchronous_commit=off -c max_connections=300 -c shared_preload_libraries=pg_stat_statements' start" \
  >/dev/null 2>&1 || fail "PostgreSQL did not start: $(tail -3 "$home/postgres.log")"
su postgres -c "psql -h $home -p $pg_port -U postgres -qc \"create role bridge login password 'bridge'\"" >/dev/null \
  && su postgres -c "psql -h $home -p $pg_port -U postgres -qc 'create database bridge owner bridge'" >/dev/null \
  && su postgres -c "psql -h $home -p $pg_port -U postgres -d bridge -qc 'create extension pg_stat_statements'" >/dev/null \
  || fail "could not create the bridge role and database"

# CPU of each server's process tree, read by the benchmark (ProcessCpu).
export BRIDGE_BENCH_SERVER_PIDS="postgres=$(head -1 "$home/data/postmaster.pid") rabbitmq=$(cat "$run_dir/rabbit.pid")"
bench=Bridge.Benchmarks.Material/bin/Release/net10.0/Bridge.Benchmarks.Material.dll
if [[ $logic == 1 ]]; then dotnet "$bench" || fail "the material logic benchmark failed"; echo; fi
dotnet "$bench" e2e "amqp://guest:guest@127.0.0.1:$rabbit_port/" \
  "Host=127.0.0.1;Port=$pg_port;Username=bridge;Password=bridge;Database=bridge" "$requests"
