#!/usr/bin/env bash
# The fault suite (issue 12): Bridge in production mode on its own RabbitMQ, PostgreSQL 15 and Mosquitto on
# 127.0.0.1, a bounded load, one fault per scenario, one table of what arrived. Not part of ./test.sh.
#   ./faults.sh                 every scenario but the soak, full length
#   ./faults.sh --short         every scenario, each well under a minute
#   ./faults.sh [--short] R2 R3 the named scenarios; ./faults.sh soak runs R7
# Exit code: the driver's (0 only when every row holds: 0 lost, 0 duplicated); 1 when set-up failed.
#
# Ports (defaults differ from ./test.sh's, so both can run at once):
#   BRIDGE_FAULTS_RABBITMQ_PORT (57720; management on BRIDGE_FAULTS_RABBITMQ_MANAGEMENT_PORT, default the next port),
#   BRIDGE_FAULTS_POSTGRES_PORT (56432), BRIDGE_FAULTS_MQTT_PORT (19830),
#   BRIDGE_FAULTS_HOST_PORT (47720: the first Bridge host's HTTP port; a scenario's further hosts take the next ones),
#   BRIDGE_FAULTS_RECEIVERS_PORT (0: any free port; the fake MES/WMS/ERP/TMS).
#   BRIDGE_FAULTS_HOST_DOTNET_<name>: given to every Bridge host as DOTNET_<name> (runtime settings for the hosts alone,
#                                e.g. BRIDGE_FAULTS_HOST_DOTNET_GCHeapHardLimit=0x10000000 for a GC trial; a DOTNET_ variable reaches the driver too).
#   BRIDGE_FAULTS_HOST_ENV_<name>: given to every Bridge host as <name> (e.g. BRIDGE_FAULTS_HOST_ENV_MALLOC_ARENA_MAX=2).
#   BRIDGE_FAULTS_R4_PASSES (2), BRIDGE_FAULTS_R4_PER_MAPPING (300 short, 100,000 full), BRIDGE_FAULTS_R4_RSS_CEILING_MB (512), BRIDGE_FAULTS_SEED (12).
#   BRIDGE_FAULTS_GCDUMP_DIR: R4 dumps the host there after each pass's floor (r4-seed{seed}-pass{n}.gcdump or .dmp) with
#                                BRIDGE_FAULTS_GCDUMP_TOOL (default dotnet-gcdump on PATH; dotnet-dump for a full dump, whose
#                                reading of every page raises the host's RSS for the rest of the run). Neither tool is installed here:
#                                dotnet tool install --tool-path /tmp/dntools dotnet-gcdump (or dotnet-dump).
#   BRIDGE_FAULTS_SOAK_MINUTES (60; 3 with --short): how long R7 (soak) runs at half the measured peak.
#   BRIDGE_FAULTS_POSTGRES_OPTIONS: more settings for the suite's PostgreSQL ("-c wal_compression=lz4 …").
# What the driver gets (exported here; Bridge.Faults/Harness/FaultServers.cs reads them):
#   BRIDGE_FAULTS_WORK           this run's folder (servers' data, host logs, config copy); removed afterwards
#                                unless BRIDGE_FAULTS_KEEP=1 (kept anyway when the run failed)
#   BRIDGE_FAULTS_RABBITMQ       amqp://guest:guest@127.0.0.1:PORT/ ; BRIDGE_FAULTS_RABBITMQ_MANAGEMENT http://…
#   BRIDGE_FAULTS_POSTGRES       Npgsql connection string of the superuser role 'bridge' (scenarios make their databases)
#   BRIDGE_FAULTS_MQTT           127.0.0.1:PORT
#   BRIDGE_FAULTS_HOST_DLL       the Release build of Bridge.Host (run as `dotnet Bridge.Host.dll`)
#   BRIDGE_FAULTS_CONFIG         the repository's config/ folder (scenarios copy it and add to it)
#   BRIDGE_FAULTS_CTL            scripts/faults-ctl.sh: `ctl rabbitmq start|stop|kill`, `ctl postgres start|stop|restart`
#                                (immediate mode), `ctl mosquitto start|stop`; C#: ServerControl
#   BRIDGE_FAULTS_CLUSTER        scripts/rabbitmq-cluster.sh (R8), with BRIDGE_FAULTS_CLUSTER_PORTS ("57850 57860 57870")
#                                and BRIDGE_FAULTS_CLUSTER_DIR (in the work folder); C#: RabbitMqCluster
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

export BRIDGE_FAULTS_RABBITMQ_PORT=${BRIDGE_FAULTS_RABBITMQ_PORT:-57720}
export BRIDGE_FAULTS_RABBITMQ_MANAGEMENT_PORT=${BRIDGE_FAULTS_RABBITMQ_MANAGEMENT_PORT:-$((BRIDGE_FAULTS_RABBITMQ_PORT + 1))}
export BRIDGE_FAULTS_POSTGRES_PORT=${BRIDGE_FAULTS_POSTGRES_PORT:-56432}
export BRIDGE_FAULTS_MQTT_PORT=${BRIDGE_FAULTS_MQTT_PORT:-19830}
export BRIDGE_FAULTS_HOST_PORT=${BRIDGE_FAULTS_HOST_PORT:-47720}
export BRIDGE_FAULTS_RECEIVERS_PORT=${BRIDGE_FAULTS_RECEIVERS_PORT:-0}
export BRIDGE_FAULTS_WORK
BRIDGE_FAULTS_WORK=$(mktemp -d /tmp/bridge-faults.XXXXXX)
chmod 755 "$BRIDGE_FAULTS_WORK"
export BRIDGE_FAULTS_CTL="$root/scripts/faults-ctl.sh"
# R8's three-node cluster (scripts/rabbitmq-cluster.sh; the scenario starts and stops it): AMQP ports, management on +1.
export BRIDGE_FAULTS_CLUSTER="$root/scripts/rabbitmq-cluster.sh"
export BRIDGE_FAULTS_CLUSTER_PORTS=${BRIDGE_FAULTS_CLUSTER_PORTS:-57850 57860 57870}
export BRIDGE_FAULTS_CLUSTER_DIR="$BRIDGE_FAULTS_WORK/cluster"
ctl=$BRIDGE_FAULTS_CTL
epmd_before=$(pgrep -x epmd || true)

say() { printf '[faults.sh] %s\n' "$*"; }
fail() { say "ERROR: $*"; exit 1; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  say "stopping what the run started"
  local pidfile
  # Hosts the driver did not get to stop (it was killed): their pid files are in the work folder.
  for pidfile in "$BRIDGE_FAULTS_WORK"/hosts/*/host.pid; do
    [[ -f $pidfile ]] && kill -KILL "$(cat "$pidfile")" 2>/dev/null
  done
  "$ctl" mosquitto stop >/dev/null 2>&1
  [[ -d $BRIDGE_FAULTS_CLUSTER_DIR ]] && timeout 120 "$BRIDGE_FAULTS_CLUSTER" stop >/dev/null 2>&1
  [[ -d $BRIDGE_FAULTS_WORK/servers/pg/data ]] && "$ctl" postgres stop >/dev/null 2>&1
  if [[ -d $BRIDGE_FAULTS_WORK/servers/rabbit ]]; then
    timeout 60 "$ctl" rabbitmq stop >/dev/null 2>&1
    pkill -KILL -f "bridge-faults-$BRIDGE_FAULTS_RABBITMQ_PORT" 2>/dev/null
    if [[ -z "$epmd_before" ]]; then pkill -x epmd 2>/dev/null; fi
  fi
  if [[ $code -eq 0 && "${BRIDGE_FAULTS_KEEP:-}" != 1 ]]; then
    rm -rf "$BRIDGE_FAULTS_WORK"
  else
    say "kept $BRIDGE_FAULTS_WORK (host logs in hosts/*/host.log)"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_packages() {
  local missing=()
  command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
  command -v mosquitto >/dev/null || missing+=(mosquitto)
  [[ -x /usr/lib/postgresql/15/bin/initdb ]] || missing+=(postgresql-15)
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || fail "apt-get update failed"
    apt-get install -y -qq --no-upgrade "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
  fi
}

build() {
  say "building Bridge.Host and Bridge.Faults (Release)"
  dotnet build Bridge.Host/Bridge.Host.csproj -c Release -v q -nologo >"$BRIDGE_FAULTS_WORK/build-host.log" 2>&1 \
    || fail "Bridge.Host did not build: $(grep -m 5 -E 'error' "$BRIDGE_FAULTS_WORK/build-host.log")"
  dotnet build Bridge.Faults/Bridge.Faults.csproj -c Release -v q -nologo >"$BRIDGE_FAULTS_WORK/build-faults.log" 2>&1 \
    || fail "Bridge.Faults did not build: $(grep -m 5 -E 'error' "$BRIDGE_FAULTS_WORK/build-faults.log")"
  export BRIDGE_FAULTS_HOST_DLL
  BRIDGE_FAULTS_HOST_DLL=$(ls "$root"/Bridge.Host/bin/Release/net*/Bridge.Host.dll | head -1)
  [[ -f $BRIDGE_FAULTS_HOST_DLL ]] || fail "no Bridge.Host.dll under Bridge.Host/bin/Release"
}

for port in "$BRIDGE_FAULTS_RABBITMQ_PORT" "$BRIDGE_FAULTS_RABBITMQ_MANAGEMENT_PORT" "$BRIDGE_FAULTS_POSTGRES_PORT" "$BRIDGE_FAULTS_MQTT_PORT" "$BRIDGE_FAULTS_HOST_PORT"; do
  port_free "$port" || fail "port $port is in use; move it with the BRIDGE_FAULTS_*_PORT variables"
done
install_packages
build
"$ctl" rabbitmq start || exit 1
"$ctl" postgres init || exit 1
"$ctl" mosquitto start || exit 1

export BRIDGE_FAULTS_RABBITMQ="amqp://guest:guest@127.0.0.1:$BRIDGE_FAULTS_RABBITMQ_PORT/"
export BRIDGE_FAULTS_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$BRIDGE_FAULTS_RABBITMQ_MANAGEMENT_PORT/"
export BRIDGE_FAULTS_POSTGRES="Host=127.0.0.1;Port=$BRIDGE_FAULTS_POSTGRES_PORT;Username=bridge;Password=bridge;Database=postgres"
export BRIDGE_FAULTS_MQTT="127.0.0.1:$BRIDGE_FAULTS_MQTT_PORT"
export BRIDGE_FAULTS_CONFIG="$root/config"

say "servers ready; running the driver"
start=$(date +%s)
dotnet "$(ls "$root"/Bridge.Faults/bin/Release/net*/Bridge.Faults.dll | head -1)" "$@"
code=$?
say "the driver exited $code after $(( $(date +%s) - start )) s"
exit $code
