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
# BRIDGE_BENCH_RUNS="3 4" runs only those (default all four). BRIDGE_BENCH_SPREAD=1: the crossings spread over the whole
# run instead of its first 8 s (the steady state's latency rather than the start's).
# BRIDGE_BENCH_WARMUP=S (default 20): each paced run first sends S seconds of signals at the same rate on locations of its
# own and waits for the JIT to settle, so it measures a host that has been running (0: a cold host, the start measured).
# BRIDGE_BENCH_TIMELINE=/tmp/x.txt: every batch, 10 ms sample and publisher tick of the (last) run written there.
# Ports: BRIDGE_BENCH_RABBITMQ_PORT (58830), BRIDGE_BENCH_POSTGRES_PORT (58530).
# Bridge runs as published for production: ReadyToRun (BRIDGE_BENCH_JIT=1: the plain build, all JIT).
# PostgreSQL runs with fsync=off and synchronous_commit=off like the test servers (BRIDGE_BENCH_PG_DURABLE=1: both on).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/servers.sh
. bench/servers.sh
locations=${1:-1000}
rate=${2:-10}
seconds=${3:-20}
pack=${4:-100}
rabbit_port=${BRIDGE_BENCH_RABBITMQ_PORT:-58830}
pg_port=${BRIDGE_BENCH_POSTGRES_PORT:-58530}
bench_init replenishment
bench_ports_free "$rabbit_port" "$pg_port"

bench_publish Bridge.Benchmarks.Replenishment
bench_start_rabbitmq "$rabbit_port"
if [[ "${BRIDGE_BENCH_PG_DURABLE:-0}" == 1 ]]; then bench_start_postgres "$pg_port"; else bench_start_postgres "$pg_port" fsync=off synchronous_commit=off; fi

rabbit="amqp://guest:guest@127.0.0.1:$rabbit_port/"
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=bench;Database=postgres"
# BRIDGE_BENCH_PERF=/tmp/x.perf: a CPU profile of each run's process (Bridge inside it) in /tmp/x.perf.<run>.
[[ -n "${BRIDGE_BENCH_PERF:-}" ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
base=(dotnet "$bench_dll"
  --rabbitmq "$rabbit" --postgres "$postgres" --locations "$locations" --rate "$rate" --seconds "$seconds" --broker-pid "$beam_pid")
[[ "${BRIDGE_BENCH_SPREAD:-0}" == 1 ]] && base+=(--spread)
warm=(--warm-up "${BRIDGE_BENCH_WARMUP:-20}")
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
       "${bench[@]}" "${warm[@]}" || status=1 ;;
    3) say "run 3 of 4: prefilled, packs of $pack signals per message"
       "${bench[@]}" --prefill --pack "$pack" || status=1 ;;
    4) say "run 4 of 4: paced at $(( locations * rate ))/s, packs of $pack signals per message"
       "${bench[@]}" --pack "$pack" "${warm[@]}" || status=1 ;;
    *) fail "BRIDGE_BENCH_RUNS: no run $run (1–4)" ;;
  esac
done
say "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
