#!/usr/bin/env bash
# Installs what the tests need, starts throwaway servers on 127.0.0.1, runs the whole test suite,
# and stops everything it started (also on failure or Ctrl-C).
#   ./test.sh                 everything
#   ./test.sh --filter EXPR   passes --filter to dotnet test
# Ports: BRIDGE_TEST_RABBITMQ_PORT (56720; management API on the next port, or
#        BRIDGE_TEST_RABBITMQ_MANAGEMENT_PORT), BRIDGE_TEST_POSTGRES_PORT (55432),
#        BRIDGE_TEST_MQTT_PORT (18830), BRIDGE_TEST_OPCUA_PORT (48400).
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

rabbit_port=${BRIDGE_TEST_RABBITMQ_PORT:-56720}
rabbit_mgmt_port=${BRIDGE_TEST_RABBITMQ_MANAGEMENT_PORT:-$((rabbit_port + 1))}
pg_port=${BRIDGE_TEST_POSTGRES_PORT:-55432}
mqtt_port=${BRIDGE_TEST_MQTT_PORT:-18830}
opcua_port=${BRIDGE_TEST_OPCUA_PORT:-48400}
run_dir=$(mktemp -d /tmp/bridge-test.XXXXXX)
chmod 755 "$run_dir"
pg_bin=/usr/lib/postgresql/15/bin
epmd_before=$(pgrep -x epmd || true)

say() { printf '[test.sh] %s\n' "$*"; }
fail() { say "ERROR: $*"; exit 1; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  say "stopping servers"
  if [[ -f "$run_dir/opcua.pid" ]]; then kill "$(cat "$run_dir/opcua.pid")" 2>/dev/null; fi
  if [[ -f "$run_dir/mosquitto.pid" ]]; then kill "$(cat "$run_dir/mosquitto.pid")" 2>/dev/null; fi
  if [[ -d "$run_dir/pgrun/data" ]]; then su postgres -c "$pg_bin/pg_ctl -D $run_dir/pgrun/data -m immediate stop" >/dev/null 2>&1; fi
  if [[ -f "$run_dir/rabbit.env" ]]; then
    # shellcheck disable=SC1091
    ( set -a; . "$run_dir/rabbit.env"; timeout 30 rabbitmqctl -n "$RABBITMQ_NODENAME" shutdown >/dev/null 2>&1 )
    # Whatever shutdown left behind (a node still booting, a hung stop): the node name is on beam's command line.
    pkill -KILL -f "bridge-test-$rabbit_port" 2>/dev/null
    if [[ -n "$epmd_before" ]]; then :; else pkill -x epmd 2>/dev/null; fi
  fi
  rm -rf "$run_dir"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # name port seconds log [pidfile]
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then return 0; fi
    if [[ -n "${5:-}" ]] && ! kill -0 "$(cat "$5")" 2>/dev/null; then
      fail "$1 exited while starting: $(tail -n 3 "$4" 2>/dev/null)"
    fi
    sleep 0.1
  done
  fail "$1 did not open 127.0.0.1:$2 within $3 s (log: $4)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_packages() {
  local missing=()
  command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
  command -v mosquitto >/dev/null || missing+=(mosquitto)
  command -v mosquitto_pub >/dev/null || missing+=(mosquitto-clients)
  [[ -x $pg_bin/initdb ]] || missing+=(postgresql-15)
  command -v chromium >/dev/null || missing+=(chromium) # the status page browser test
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || fail "apt-get update failed"
    apt-get install -y -qq --no-upgrade "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
  fi
  local lock dir
  for lock in tests/*/package-lock.json; do
    [[ -f $lock ]] || continue
    dir=$(dirname "$lock")
    [[ -d $dir/node_modules ]] && continue
    say "installing npm packages in $dir (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci in $dir failed"
  done
}

start_rabbitmq() {
  port_free "$rabbit_port" || fail "port $rabbit_port (RabbitMQ) is in use; set BRIDGE_TEST_RABBITMQ_PORT"
  local dir="$run_dir/rabbit"
  mkdir -p "$dir"
  local dist_port=$(( rabbit_port > 30000 ? rabbit_port - 20000 : rabbit_port + 20000 ))
  cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$rabbit_port
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $rabbit_mgmt_port
CONF
  # The management API lets each integration test create its own virtual host (no cross-talk between tests).
  echo "[rabbitmq_management]." >"$dir/enabled_plugins"
  cat >"$run_dir/rabbit.env" <<ENVF
RABBITMQ_NODENAME=bridge-test-$rabbit_port@localhost
RABBITMQ_USE_LONGNAME=false
RABBITMQ_CONFIG_FILE=$dir/rabbitmq
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_DIST_PORT=$dist_port
ENVF
  chown -R rabbitmq:rabbitmq "$dir" 2>/dev/null || true
  say "starting RabbitMQ on 127.0.0.1:$rabbit_port"
  # Foreground server backgrounded by the shell: -detached re-executes as the rabbitmq user
  # and loses the environment that points it at this throwaway node.
  ( set -a; . "$run_dir/rabbit.env"; exec rabbitmq-server >"$run_dir/rabbit.out" 2>&1 ) &
  echo $! >"$run_dir/rabbit.pid"
  wait_port RabbitMQ "$rabbit_port" 60 "$run_dir/rabbit.out" "$run_dir/rabbit.pid"
  ( set -a; . "$run_dir/rabbit.env"; timeout 60 rabbitmqctl -n "$RABBITMQ_NODENAME" await_startup >/dev/null 2>&1 ) \
    || fail "RabbitMQ did not finish starting (log: $dir/log)"
  wait_port "RabbitMQ management" "$rabbit_mgmt_port" 30 "$run_dir/rabbit.out" "$run_dir/rabbit.pid"
}

start_postgres() {
  port_free "$pg_port" || fail "port $pg_port (PostgreSQL) is in use; set BRIDGE_TEST_POSTGRES_PORT"
  local home="$run_dir/pgrun" dir="$run_dir/pgrun/data"
  mkdir -p "$home" && chown postgres "$home"
  echo bridge >"$home/pgpass"
  chown postgres "$home/pgpass"
  say "starting PostgreSQL on 127.0.0.1:$pg_port"
  su postgres -c "$pg_bin/initdb -D $dir -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$home/pgpass -E UTF8 --locale=C.UTF-8 --no-sync" \
    >"$run_dir/initdb.log" 2>&1 || fail "initdb failed (see $run_dir/initdb.log): $(tail -3 "$run_dir/initdb.log")"
  su postgres -c "$pg_bin/pg_ctl -D $dir -w -l $home/postgres.log -o '-p $pg_port -c listen_addresses=127.0.0.1 -k $home -c fsync=off -c synchronous_commit=off -c max_connections=1000' start" \
    >/dev/null 2>&1 || fail "PostgreSQL did not start: $(tail -3 "$home/postgres.log")"
  su postgres -c "psql -h $home -p $pg_port -U postgres -qc \"create role bridge login password 'bridge' superuser\"" >/dev/null \
    && su postgres -c "psql -h $home -p $pg_port -U postgres -qc 'create database bridge owner bridge'" >/dev/null \
    || fail "could not create the bridge role and database"
}

start_mosquitto() {
  port_free "$mqtt_port" || fail "port $mqtt_port (Mosquitto) is in use; set BRIDGE_TEST_MQTT_PORT"
  cat >"$run_dir/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
log_dest stdout
CONF
  say "starting Mosquitto on 127.0.0.1:$mqtt_port"
  mosquitto -c "$run_dir/mosquitto.conf" >"$run_dir/mosquitto.log" 2>&1 &
  echo $! >"$run_dir/mosquitto.pid"
  wait_port Mosquitto "$mqtt_port" 10 "$run_dir/mosquitto.log" "$run_dir/mosquitto.pid"
}

start_opcua() {
  [[ -f tests/opcua-server/server.js ]] || return 0
  port_free "$opcua_port" || fail "port $opcua_port (node-opcua) is in use; set BRIDGE_TEST_OPCUA_PORT"
  say "starting node-opcua test server on 127.0.0.1:$opcua_port"
  node tests/opcua-server/server.js --port "$opcua_port" >"$run_dir/opcua.log" 2>&1 &
  echo $! >"$run_dir/opcua.pid"
  local i
  for ((i = 0; i < 300; i++)); do
    grep -q "BRIDGE-OPCUA-READY" "$run_dir/opcua.log" && return 0
    kill -0 "$(cat "$run_dir/opcua.pid")" 2>/dev/null || fail "node-opcua server exited: $(tail -5 "$run_dir/opcua.log")"
    sleep 0.1
  done
  fail "node-opcua server not ready within 30 s: $(tail -5 "$run_dir/opcua.log")"
}

install_packages
start_rabbitmq
start_postgres
start_mosquitto
start_opcua

export BRIDGE_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbit_port/"
export BRIDGE_TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$rabbit_mgmt_port/"
export BRIDGE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=bridge;Password=bridge;Database=bridge"
export BRIDGE_TEST_MQTT="127.0.0.1:$mqtt_port"
export BRIDGE_TEST_OPCUA="opc.tcp://127.0.0.1:$opcua_port"
export BRIDGE_TEST_OPCUA_PID_FILE="$run_dir/opcua.pid"
export BRIDGE_TEST_REQUIRE_SERVERS=1

say "servers ready; running dotnet test"
start=$(date +%s)
dotnet test Bridge.sln --logger "console;verbosity=minimal" "$@"
code=$?
say "dotnet test exited $code after $(( $(date +%s) - start )) s"
exit $code
