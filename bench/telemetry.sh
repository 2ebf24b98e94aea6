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
messages=${1:-50000}
rabbit_port=${BRIDGE_BENCH_RABBITMQ_PORT:-56790}
rabbit_mqtt_port=${BRIDGE_BENCH_RABBITMQ_MQTT_PORT:-18891}
mqtt_port=${BRIDGE_BENCH_MQTT_PORT:-18890}
run_dir=$(mktemp -d /tmp/bridge-bench.XXXXXX)
chmod 755 "$run_dir"
node_name="bridge-bench-$rabbit_port@localhost"
epmd_before=$(pgrep -x epmd || true)

say() { printf '[telemetry.sh] %s\n' "$*"; }
fail() { say "ERROR: $*"; exit 1; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [[ -f "$run_dir/mosquitto.pid" ]]; then kill "$(cat "$run_dir/mosquitto.pid")" 2>/dev/null; fi
  if [[ -f "$run_dir/rabbit.env" ]]; then
    # shellcheck disable=SC1091
    ( set -a; . "$run_dir/rabbit.env"; timeout 30 rabbitmqctl -n "$node_name" shutdown >/dev/null 2>&1 )
    pkill -KILL -f "bridge-bench-$rabbit_port" 2>/dev/null
    [[ -n "$epmd_before" ]] || pkill -x epmd 2>/dev/null
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

for port in "$rabbit_port" "$rabbit_mqtt_port" "$mqtt_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is in use"; fi
done

dir="$run_dir/rabbit"
mkdir -p "$dir"
cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$rabbit_port
loopback_users = none
mqtt.listeners.tcp.default = 127.0.0.1:$rabbit_mqtt_port
mqtt.allow_anonymous = true
CONF
cat >"$run_dir/rabbit.env" <<ENVF
RABBITMQ_NODENAME=$node_name
RABBITMQ_USE_LONGNAME=false
RABBITMQ_CONFIG_FILE=$dir/rabbitmq
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_DIST_PORT=$(( rabbit_port - 20000 ))
ENVF
# The node's own plugin file, changed with rabbitmq-plugins (offline: the node is not running yet).
( set -a; . "$run_dir/rabbit.env"; rabbitmq-plugins --offline -n "$node_name" enable rabbitmq_mqtt >/dev/null ) \
  || fail "rabbitmq-plugins enable rabbitmq_mqtt failed"
chown -R rabbitmq:rabbitmq "$dir" 2>/dev/null || true
say "starting RabbitMQ on 127.0.0.1:$rabbit_port (MQTT plugin on $rabbit_mqtt_port)"
( set -a; . "$run_dir/rabbit.env"; exec rabbitmq-server >"$run_dir/rabbit.out" 2>&1 ) &
wait_port RabbitMQ "$rabbit_port" 180
# Generous: on a loaded machine the node takes minutes, not seconds.
( set -a; . "$run_dir/rabbit.env"; timeout 180 rabbitmqctl -n "$node_name" await_startup >/dev/null 2>&1 ) \
  || { tail -20 "$run_dir/rabbit.out"; fail "RabbitMQ did not start"; }
wait_port "RabbitMQ MQTT" "$rabbit_mqtt_port" 30

cat >"$run_dir/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 100000
log_dest stdout
CONF
say "starting Mosquitto on 127.0.0.1:$mqtt_port"
mosquitto -c "$run_dir/mosquitto.conf" >"$run_dir/mosquitto.log" 2>&1 &
echo $! >"$run_dir/mosquitto.pid"
wait_port Mosquitto "$mqtt_port" 10

# The servers' process ids: the benchmark reports each one's CPU per message.
BRIDGE_BENCH_MOSQUITTO_PID=$(cat "$run_dir/mosquitto.pid")
BRIDGE_BENCH_RABBITMQ_PID=$( set -a; . "$run_dir/rabbit.env"; timeout 60 rabbitmqctl -n "$node_name" eval 'os:getpid().' 2>/dev/null | tr -dc 0-9 )
export BRIDGE_BENCH_MOSQUITTO_PID BRIDGE_BENCH_RABBITMQ_PID
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
