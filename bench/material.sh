#!/usr/bin/env bash
# Material benchmarks of issue 10 in one command. Starts its own throwaway RabbitMQ node and PostgreSQL cluster on
# 127.0.0.1, runs Bridge.Benchmarks.Material (BOM explosion and kit checks, then `e2e`: material requests end to end
# against raw MassTransit on the same broker, consume-only and publish→consume; the simulated MES/WMS and the load
# generator run as a second process of the same program, `plant`, so the host's CPU is counted apart), and stops the
# servers again.
# Optional samplers of the host process: BRIDGE_BENCH_ALLOCATIONS=1 (bytes by type), BRIDGE_BENCH_JIT=1 (methods compiled),
# BRIDGE_BENCH_PERF=FILE (perf record -g of the throughput phase into FILE, and the host's CPU by stage from it; needs
# perf, and names managed frames through DOTNET_PerfMapEnabled=1, which it sets).
# BRIDGE_BENCH_POSTGRES_EXTRA="name=value ..." adds settings to the benchmark's PostgreSQL (e.g. auto_explain's).
#   bench/material.sh [requests]          (default 1000 for the throughput phase)
#   bench/material.sh --e2e-only [requests]
# Ports: BRIDGE_BENCH_RABBITMQ_PORT (58820), BRIDGE_BENCH_POSTGRES_PORT (58520).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/servers.sh
. bench/servers.sh
logic=1
if [[ "${1:-}" == "--e2e-only" ]]; then logic=0; shift; fi
requests=${1:-1000}
rabbit_port=${BRIDGE_BENCH_RABBITMQ_PORT:-58820}
pg_port=${BRIDGE_BENCH_POSTGRES_PORT:-58520}
bench_init material
bench_ports_free "$rabbit_port" "$pg_port"

say "building Bridge.Benchmarks.Material (Release)"
dotnet build -c Release Bridge.Benchmarks.Material -v q -nologo >"$run_dir/build.log" 2>&1 || fail "build failed: $(grep -m5 error "$run_dir/build.log")"
bench_start_rabbitmq "$rabbit_port"
bench_start_postgres "$pg_port" synchronous_commit=off pg_stat_statements.track_planning=on ${BRIDGE_BENCH_POSTGRES_EXTRA:-}

# CPU of each server's process tree, read by the benchmark (ProcessCpu).
export BRIDGE_BENCH_SERVER_PIDS="postgres=$pg_pid rabbitmq=$beam_pid"
if [[ -n "${BRIDGE_BENCH_PERF:-}" ]]; then
  command -v perf >/dev/null || fail "BRIDGE_BENCH_PERF needs perf"
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
fi
bench=Bridge.Benchmarks.Material/bin/Release/net10.0/Bridge.Benchmarks.Material.dll
if [[ $logic == 1 ]]; then dotnet "$bench" || fail "the material logic benchmark failed"; echo; fi
dotnet "$bench" e2e "amqp://guest:guest@127.0.0.1:$rabbit_port/" \
  "Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=bench;Database=bridge" "$requests"
