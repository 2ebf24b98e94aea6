#!/usr/bin/env bash
# Starts, stops and restarts the fault suite's own servers; ./faults.sh uses it to set them up and exports its path
# as BRIDGE_FAULTS_CTL, so a scenario can break a server mid-run (Bridge.Faults' ServerControl runs it).
#   faults-ctl.sh rabbitmq  start|stop|kill      stop = rabbitmqctl shutdown (queues and persistent messages stay);
#                                                kill = SIGKILL of the node
#   faults-ctl.sh postgres  init|start|stop|restart
#                                                stop and restart are immediate mode (no shutdown checkpoint:
#                                                the next start replays the WAL, as after a crash)
#   faults-ctl.sh mosquitto start|stop
# Reads BRIDGE_FAULTS_WORK (the run's folder) and the BRIDGE_FAULTS_*_PORT variables ./faults.sh exported.
# Prints one line per action; exit 0 when the server is in the asked state.
set -uo pipefail

work=${BRIDGE_FAULTS_WORK:?run through ./faults.sh}
rabbit_port=${BRIDGE_FAULTS_RABBITMQ_PORT:?}
rabbit_mgmt_port=${BRIDGE_FAULTS_RABBITMQ_MANAGEMENT_PORT:?}
pg_port=${BRIDGE_FAULTS_POSTGRES_PORT:?}
mqtt_port=${BRIDGE_FAULTS_MQTT_PORT:?}
pg_bin=/usr/lib/postgresql/15/bin
rabbit_dir="$work/servers/rabbit"
pg_home="$work/servers/pg"
node="bridge-faults-$rabbit_port@localhost"

say() { printf '[faults-ctl] %s\n' "$*"; }
fail() { say "ERROR: $*"; exit 1; }

wait_port() { # name port seconds log [pidfile]
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then return 0; fi
    if [[ -n "${5:-}" ]] && ! kill -0 "$(cat "$5")" 2>/dev/null; then fail "$1 exited while starting: $(tail -n 3 "$4" 2>/dev/null)"; fi
    sleep 0.1
  done
  fail "$1 did not open 127.0.0.1:$2 within $3 s (log: $4)"
}

wait_closed() { # name port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null || return 0
    sleep 0.1
  done
  fail "$1 still listens on 127.0.0.1:$2 after $3 s"
}

rabbit_env() {
  mkdir -p "$rabbit_dir"
  if [[ ! -f $rabbit_dir/rabbit.env ]]; then
    local dist_port=$(( rabbit_port > 30000 ? rabbit_port - 20000 : rabbit_port + 20000 ))
    cat >"$rabbit_dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$rabbit_port
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $rabbit_mgmt_port
CONF
    echo "[rabbitmq_management]." >"$rabbit_dir/enabled_plugins"
    cat >"$rabbit_dir/rabbit.env" <<ENVF
RABBITMQ_NODENAME=$node
RABBITMQ_USE_LONGNAME=false
RABBITMQ_CONFIG_FILE=$rabbit_dir/rabbitmq
RABBITMQ_ENABLED_PLUGINS_FILE=$rabbit_dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$rabbit_dir/mnesia
RABBITMQ_LOG_BASE=$rabbit_dir/log
RABBITMQ_DIST_PORT=$dist_port
ENVF
    chown -R rabbitmq:rabbitmq "$rabbit_dir" 2>/dev/null || true
  fi
}

rabbitmq() {
  rabbit_env
  case "$1" in
    start)
      say "starting RabbitMQ on 127.0.0.1:$rabbit_port"
      # The foreground server in its own session, output to a file: a caller waiting on this script's output
      # (the driver) does not wait for the node to end.
      ( set -a; . "$rabbit_dir/rabbit.env"; exec setsid rabbitmq-server >>"$rabbit_dir/server.out" 2>&1 </dev/null ) &
      echo $! >"$rabbit_dir/server.pid"
      wait_port RabbitMQ "$rabbit_port" 90 "$rabbit_dir/server.out" "$rabbit_dir/server.pid"
      ( set -a; . "$rabbit_dir/rabbit.env"; timeout 90 rabbitmqctl -n "$node" await_startup >/dev/null 2>&1 ) \
        || fail "RabbitMQ did not finish starting (log: $rabbit_dir/log)"
      wait_port "RabbitMQ management" "$rabbit_mgmt_port" 30 "$rabbit_dir/server.out" "$rabbit_dir/server.pid" ;;
    stop)
      say "stopping RabbitMQ"
      ( set -a; . "$rabbit_dir/rabbit.env"; timeout 60 rabbitmqctl -n "$node" shutdown >/dev/null 2>&1 ) \
        || pkill -KILL -f "bridge-faults-$rabbit_port" 2>/dev/null
      wait_closed RabbitMQ "$rabbit_port" 30 ;;
    kill)
      say "killing RabbitMQ (SIGKILL)"
      pkill -KILL -f "bridge-faults-$rabbit_port" 2>/dev/null
      wait_closed RabbitMQ "$rabbit_port" 30 ;;
    *) fail "rabbitmq: unknown action '$1'" ;;
  esac
}

pg_ctl() { su postgres -c "$pg_bin/pg_ctl -D $pg_home/data $*"; }

postgres() {
  case "$1" in
    init)
      mkdir -p "$pg_home" && chown postgres "$pg_home"
      echo bridge >"$pg_home/pgpass" && chown postgres "$pg_home/pgpass"
      su postgres -c "$pg_bin/initdb -D $pg_home/data -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$pg_home/pgpass -E UTF8 --locale=C.UTF-8 --no-sync" \
        >"$pg_home/initdb.log" 2>&1 || fail "initdb failed: $(tail -3 "$pg_home/initdb.log")"
      postgres start
      su postgres -c "psql -h $pg_home -p $pg_port -U postgres -qc \"create role bridge login password 'bridge' superuser\"" >/dev/null \
        || fail "could not create the bridge role" ;;
    start)
      say "starting PostgreSQL on 127.0.0.1:$pg_port"
      pg_ctl "-w -t 60 -l $pg_home/postgres.log -o '-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_home -c max_connections=400 ${BRIDGE_FAULTS_POSTGRES_OPTIONS:-}' start" >/dev/null 2>&1 \
        || fail "PostgreSQL did not start: $(tail -3 "$pg_home/postgres.log")" ;;
    stop)
      say "stopping PostgreSQL (immediate)"
      pg_ctl "-m immediate -w stop" >/dev/null 2>&1 || fail "PostgreSQL did not stop: $(tail -3 "$pg_home/postgres.log")" ;;
    restart)
      postgres stop && postgres start ;;
    *) fail "postgres: unknown action '$1'" ;;
  esac
}

mosquitto_() {
  local dir="$work/servers/mosquitto"
  mkdir -p "$dir"
  case "$1" in
    start)
      cat >"$dir/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 1000000
log_dest stdout
CONF
      say "starting Mosquitto on 127.0.0.1:$mqtt_port"
      ( exec setsid mosquitto -c "$dir/mosquitto.conf" >>"$dir/mosquitto.log" 2>&1 </dev/null ) &
      echo $! >"$dir/mosquitto.pid"
      wait_port Mosquitto "$mqtt_port" 10 "$dir/mosquitto.log" "$dir/mosquitto.pid" ;;
    stop)
      say "stopping Mosquitto"
      [[ -f $dir/mosquitto.pid ]] && kill "$(cat "$dir/mosquitto.pid")" 2>/dev/null
      wait_closed Mosquitto "$mqtt_port" 10 ;;
    *) fail "mosquitto: unknown action '$1'" ;;
  esac
}

case "${1:-}" in
  rabbitmq) rabbitmq "${2:-}" ;;
  postgres) postgres "${2:-}" ;;
  mosquitto) mosquitto_ "${2:-}" ;;
  *) fail "usage: faults-ctl.sh rabbitmq|postgres|mosquitto ACTION" ;;
esac
