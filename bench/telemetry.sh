#!/usr/bin/env bash
# Runs Bridge.Benchmarks.Telemetry against throwaway servers on 127.0.0.1 that it starts and stops itself:
# RabbitMQ (its own node, with rabbitmq_mqtt enabled for Node-RED's mqtt-out) and Mosquitto.
#   bench/telemetry.sh [messages]      (default 50000)
#   BRIDGE_BENCH_PATHS=a|b|c|…  runs only those paths; BRIDGE_BENCH_PROFILE=file records an on-CPU
#   profile (perf) of the benchmark process and prints its hottest functions.
# Ports: BRIDGE_BENCH_RABBITMQ_PORT (56790; its MQTT plugin on BRIDGE_BENCH_RABBITMQ_MQTT_PORT, 18891),
#        BRIDGE_BENCH_MQTT_PORT (18890, Mosquitto).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/servers.sh
. bench/servers.sh
messages=${1:-50000}
rabbit_port=${BRIDGE_BENCH_RABBITMQ_PORT:-56790}
rabbit_mqtt_port=${BRIDGE_BENCH_RABBITMQ_MQTT_PORT:-18891}
mqtt_port=${BRIDGE_BENCH_MQTT_PORT:-18890}
bench_init telemetry
bench_ports_free "$rabbit_port" "$rabbit_mqtt_port" "$mqtt_port"
bench_start_rabbitmq "$rabbit_port" "$rabbit_mqtt_port"
bench_start_mosquitto "$mqtt_port"

# The servers' process ids: the benchmark reports each one's CPU per message.
export BRIDGE_BENCH_MOSQUITTO_PID=$mosquitto_pid BRIDGE_BENCH_RABBITMQ_PID=$beam_pid
bench_args=("127.0.0.1:$mqtt_port" "amqp://guest:guest@127.0.0.1:$rabbit_port/" "$messages" "127.0.0.1:$rabbit_mqtt_port" "$root/config")
if [[ -n "${BRIDGE_BENCH_PROFILE:-}" ]]; then
  # On-CPU profile of the benchmark process (perf, 499 Hz, JIT symbols through the runtime's perf map); then the
  # 40 hottest functions by own CPU. BRIDGE_BENCH_PATHS=a profiles Bridge alone (with its sensor and consumer).
  dotnet build -c Release -v q Bridge.Benchmarks.Telemetry >/dev/null || fail "build failed"
  dll="$root/Bridge.Benchmarks.Telemetry/bin/Release/net10.0/Bridge.Benchmarks.Telemetry.dll"
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 499 -g -o "$BRIDGE_BENCH_PROFILE" -- dotnet "$dll" "${bench_args[@]}"
  perf report -i "$BRIDGE_BENCH_PROFILE" --no-children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -40
else
  dotnet run -c Release --project Bridge.Benchmarks.Telemetry -- "${bench_args[@]}"
fi
