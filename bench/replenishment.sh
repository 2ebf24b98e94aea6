#!/usr/bin/env bash
# Runs Bridge.Benchmarks.Replenishment (Release) against throwaway servers on 127.0.0.1 that it starts and stops itself:
# RabbitMQ (its own node) and PostgreSQL (a cluster in a temp folder). Four runs, each on a fresh database:
#   1. prefilled, one message per signal: every signal queued before Bridge starts — the drain rate and the CPU per
#      signal of Bridge, PostgreSQL, RabbitMQ (delivery) and, while prefilling, the publisher;
#   2. paced, one message per signal: the signals offered at the target rate while Bridge runs — sustained rate,
#      requests at the WMS, p50/p99 crossing → request at the WMS, the saga's share;
#   3. and 4. the same with the signals packed, [pack] per message (LineSideSignalPack).
#   Each run also prints its steady window (25 % → 75 % of the signals): rate and CPU per signal without start and tail.
#   bench/replenishment.sh [locations] [signals/s per location] [seconds] [pack]     (default 1000 10 20 100)
# BRIDGE_BENCH_RUNS="3 4" runs only those (default all four).
# Ports: BRIDGE_BENCH_RABBITMQ_PORT (58830), BRIDGE_BENCH_POSTGRES_PORT (58530).
# PostgreSQL runs with fsync=off and synchronous_commit=off like the test servers (BRIDGE_BENCH_PG_DURABLE=1: both on).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
locations=${1:-1000}
rate=${2:-10}
seconds=${3:-20}
pack=${4:-100}
rabbit_port=${BRIDGE_BENCH_RABBITMQ_PORT:-58830}
pg_port=${BRIDGE_BENCH_POSTGRES_PORT:-58530}
pg_bin=/usr/lib/postgresql/15/bin
run_dir=$(mktemp -d /tmp/bridge-bench-replenishment.XXXXXX)
chmod 755 "$run_dir"
node_name="bridge-bench-$rabbit_port@localhost"
epmd_before=$(pgrep -x epmd || true)

say() { printf '[replenishment.sh] %s\n' "$*"; }
fail() { say "ERROR: $*"; exit 1; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [[ -d "$run_dir/pg" ]]; then su postgres -c "$pg_bin/pg_ctl -D $run_dir/pg -m fast stop" >/dev/null 2>&1; fi
  if [[ -f "$run_dir/rabbit.env" ]]; then
    # shellcheck disable=SC1091
    ( set -a; . "$run_dir/rabbit.env"; timeout 30 rabbitmqctl -n "$node_name" shutdown >/dev/null 2>&1 )
    if [[ -n "${beam_pid:-}" ]] && kill -0 "$beam_pid" 2>/dev/null; then kill -KILL "$beam_pid"; fi
    if [[ -z "$epmd_before" ]]; then
      epmd_now=$(pgrep -x epmd || true)
      [[ -n "$epmd_now" ]] && kill "$epmd_now" 2>/dev/null
    fi
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
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is in use"; fi
done

say "building Release"
dotnet build -c Release Bridge.Benchmarks.Replenishment -v q 2>&1 | grep -E " error |rror\(s\)" ; [[ ${PIPESTATUS[0]} -eq 0 ]] || fail "build failed"

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
RABBITMQ_DIST_PORT=$(( rabbit_port - 20000 ))
ENVF
chown -R rabbitmq:rabbitmq "$dir" 2>/dev/null || true
say "starting RabbitMQ on 127.0.0.1:$rabbit_port"
( set -a; . "$run_dir/rabbit.env"; exec rabbitmq-server >"$run_dir/rabbit.out" 2>&1 ) &
wait_port RabbitMQ "$rabbit_port" 90
( set -a; . "$run_dir/rabbit.env"; timeout 60 rabbitmqctl -n "$node_name" await_startup >/dev/null 2>&1 ) || fail "RabbitMQ did not start"
beam_pid=$( set -a; . "$run_dir/rabbit.env"; timeout 30 rabbitmqctl -n "$node_name" eval 'os:getpid().' 2>/dev/null | tr -dc '0-9' )
[[ -n "$beam_pid" ]] || fail "cannot find the broker's process"

say "starting PostgreSQL on 127.0.0.1:$pg_port"
mkdir -p "$run_dir/pg"
chown postgres "$run_dir/pg"
echo bench >"$run_dir/pgpass"
chown postgres "$run_dir/pgpass"
su postgres -c "$pg_bin/initdb -D $run_dir/pg -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$run_dir/pgpass -E UTF8 --locale=C.UTF-8 --no-sync" >/dev/null \
  || fail "initdb failed"
durable=${BRIDGE_BENCH_PG_DURABLE:-0}
sync_opts="-c fsync=off -c synchronous_commit=off"
[[ "$durable" == 1 ]] && sync_opts=""
su postgres -c "$pg_bin/pg_ctl -D $run_dir/pg -w -l $run_dir/pg/pg.log -o \"-p $pg_port -c listen_addresses=127.0.0.1 -k $run_dir/pg -c max_connections=300 -c shared_preload_libraries=pg_stat_statements $sync_opts\" start" >/dev/null \
  || fail "PostgreSQL did not start"

rabbit="amqp://guest:guest@127.0.0.1:$rabbit_port/"
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=bench;Database=postgres"
# BRIDGE_BENCH_PERF=/tmp/x.perf: a CPU profile of each run's process (Bridge inside it) in /tmp/x.perf.<run>.
[[ -n "${BRIDGE_BENCH_PERF:-}" ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
base=(dotnet "Bridge.Benchmarks.Replenishment/bin/Release/net10.0/Bridge.Benchmarks.Replenishment.dll"
  --rabbitmq "$rabbit" --postgres "$postgres" --locations "$locations" --rate "$rate" --seconds "$seconds" --broker-pid "$beam_pid")
say "load before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
runs=${BRIDGE_BENCH_RUNS:-1 2 3 4}
status=0
for run in $runs; do
  bench=("${base[@]}")
  [[ -n "${BRIDGE_BENCH_PERF:-}" ]] && bench=(perf record -F 499 -g -o "$BRIDGE_BENCH_PERF.$run" -- "${base[@]}")
  case $run in
    1) say "run 1 of 4: prefilled, one message per signal (${locations} × ${rate}/s × ${seconds} s queued first; the drain is Bridge's alone)"
       "${bench[@]}" --prefill || status=1 ;;
    2) say "run 2 of 4: paced at $(( locations * rate ))/s, one message per signal"
       "${bench[@]}" || status=1 ;;
    3) say "run 3 of 4: prefilled, packs of $pack signals per message"
       "${bench[@]}" --prefill --pack "$pack" || status=1 ;;
    4) say "run 4 of 4: paced at $(( locations * rate ))/s, packs of $pack signals per message"
       "${bench[@]}" --pack "$pack" || status=1 ;;
    *) fail "BRIDGE_BENCH_RUNS: no run $run (1–4)" ;;
  esac
done
say "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
