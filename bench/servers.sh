# Throwaway servers for the benchmark scripts, sourced by bench/*.sh (not run on its own). Everything listens on
# 127.0.0.1, lives in one temp folder and is stopped by the EXIT trap, also on failure or Ctrl-C.
#   bench_init NAME                 the temp folder ($run_dir), say/fail with [NAME.sh], the cleanup trap
#   bench_ports_free PORT...        fails naming the first port in use and the variable to set
#   bench_start_rabbitmq PORT [MQTT_PORT]
#                                   its own node (enables rabbitmq_mqtt on MQTT_PORT when given); sets $beam_pid
#   bench_start_postgres PORT [OPTION...]
#                                   a fresh cluster: superuser postgres, password bench, database bridge with
#                                   pg_stat_statements; OPTIONs are extra `-c name=value` settings; sets $pg_pid
#   bench_start_mosquitto PORT      sets $mosquitto_pid
#   bench_publish PROJECT           the project as a production host runs it (README, Deployment): published for
#                                   linux-x64, framework-dependent, ReadyToRun; sets $bench_dll (BRIDGE_BENCH_JIT=1:
#                                   the plain Release build instead, every method compiled by the JIT at first call)
# The connection strings: amqp://guest:guest@127.0.0.1:PORT/ and
#   Host=127.0.0.1;Port=PORT;Username=postgres;Password=bench;Database=bridge
# shellcheck shell=bash

pg_bin=/usr/lib/postgresql/15/bin

bench_init() {
  bench_name=$1
  run_dir=$(mktemp -d "/tmp/bridge-bench-$1.XXXXXX")
  chmod 755 "$run_dir"
  epmd_before=$(pgrep -x epmd || true)
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_publish() {
  local project=$1 log="$run_dir/publish.log"
  if [[ "${BRIDGE_BENCH_JIT:-0}" == 1 ]]; then
    say "building $project (Release, JIT only: BRIDGE_BENCH_JIT=1)"
    dotnet build -c Release "$project" -v q -nologo >"$log" 2>&1 || fail "build failed: $(grep -m5 -E ' error ' "$log")"
    bench_dll="$project/bin/Release/net10.0/$project.dll"
  else
    say "publishing $project (Release, linux-x64, ReadyToRun)"
    dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true "$project" -v q -nologo \
      >"$log" 2>&1 || fail "publish failed: $(grep -m5 -E ' error ' "$log")"
    bench_dll="$project/bin/Release/net10.0/linux-x64/publish/$project.dll"
  fi
  [[ -f "$bench_dll" ]] || fail "no $bench_dll after the build"
}

say() { printf '[%s.sh] %s\n' "$bench_name" "$*"; }
fail() { say "ERROR: $*"; exit 1; }

bench_cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [[ -n "${mosquitto_pid:-}" ]]; then kill "$mosquitto_pid" 2>/dev/null; fi
  if [[ -f "$run_dir/pg/data/postmaster.pid" ]]; then su postgres -c "$pg_bin/pg_ctl -D $run_dir/pg/data -m fast stop" >/dev/null 2>&1; fi
  if [[ -f "$run_dir/rabbit.env" ]]; then
    # shellcheck disable=SC1091
    ( set -a; . "$run_dir/rabbit.env"; timeout 30 rabbitmqctl -n "$RABBITMQ_NODENAME" shutdown >/dev/null 2>&1 )
    # A node still booting or a hung stop: its node name is on beam's command line.
    pkill -KILL -f "$rabbit_node_name" 2>/dev/null
    [[ -n "$epmd_before" ]] || pkill -x epmd 2>/dev/null
  fi
  rm -rf "$run_dir"
  exit "$code"
}

wait_port() { # name port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "$1 did not open 127.0.0.1:$2 within $3 s"
}

bench_ports_free() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      fail "port $port is in use (the script's header names the variable that moves it)"
    fi
  done
}

bench_start_rabbitmq() { # port [mqtt_port]
  local port=$1 mqtt_port=${2:-} dir="$run_dir/rabbit"
  command -v rabbitmq-server >/dev/null || fail "rabbitmq-server is not installed (apt-get install -y --no-upgrade rabbitmq-server)"
  rabbit_node_name="bridge-bench-$bench_name-$port"
  mkdir -p "$dir"
  {
    echo "listeners.tcp.default = 127.0.0.1:$port"
    echo "loopback_users = none"
    if [[ -n "$mqtt_port" ]]; then
      echo "mqtt.listeners.tcp.default = 127.0.0.1:$mqtt_port"
      echo "mqtt.allow_anonymous = true"
    fi
  } >"$dir/rabbitmq.conf"
  echo "[]." >"$dir/enabled_plugins"
  cat >"$run_dir/rabbit.env" <<ENVF
RABBITMQ_NODENAME=$rabbit_node_name@localhost
RABBITMQ_USE_LONGNAME=false
RABBITMQ_CONFIG_FILE=$dir/rabbitmq
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_DIST_PORT=$(( port > 30000 ? port - 20000 : port + 20000 ))
ENVF
  if [[ -n "$mqtt_port" ]]; then
    # The node's own plugin file, changed offline: the node is not running yet.
    ( set -a; . "$run_dir/rabbit.env"; rabbitmq-plugins --offline -n "$RABBITMQ_NODENAME" enable rabbitmq_mqtt >/dev/null ) \
      || fail "rabbitmq-plugins enable rabbitmq_mqtt failed"
  fi
  chown -R rabbitmq:rabbitmq "$dir" 2>/dev/null || true
  say "starting RabbitMQ on 127.0.0.1:$port${mqtt_port:+ (MQTT plugin on $mqtt_port)}"
  ( set -a; . "$run_dir/rabbit.env"; exec rabbitmq-server >"$run_dir/rabbit.out" 2>&1 ) &
  # Generous: on a loaded machine the node takes minutes, not seconds.
  wait_port RabbitMQ "$port" 180
  ( set -a; . "$run_dir/rabbit.env"; timeout 180 rabbitmqctl -n "$RABBITMQ_NODENAME" await_startup >/dev/null 2>&1 ) \
    || { tail -20 "$run_dir/rabbit.out"; fail "RabbitMQ did not start"; }
  beam_pid=$( set -a; . "$run_dir/rabbit.env"; timeout 60 rabbitmqctl -n "$RABBITMQ_NODENAME" eval 'os:getpid().' 2>/dev/null | tr -dc 0-9 )
  [[ -n "$beam_pid" ]] || fail "cannot find the broker's process"
  if [[ -n "$mqtt_port" ]]; then wait_port "RabbitMQ MQTT" "$mqtt_port" 30; fi
}

bench_start_postgres() { # port [name=value ...]
  local port=$1 home="$run_dir/pg" options="" setting
  shift
  [[ -x $pg_bin/initdb ]] || fail "PostgreSQL 15 is not installed at $pg_bin"
  for setting in "$@"; do options+=" -c $setting"; done
  mkdir -p "$home" && chown postgres "$home"
  echo bench >"$home/pgpass" && chown postgres "$home/pgpass"
  say "starting PostgreSQL on 127.0.0.1:$port (${*:-default durability}; pg_stat_statements)"
  su postgres -c "$pg_bin/initdb -D $home/data -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$home/pgpass -E UTF8 --locale=C.UTF-8 --no-sync" \
    >"$run_dir/initdb.log" 2>&1 || fail "initdb failed: $(tail -3 "$run_dir/initdb.log")"
  su postgres -c "$pg_bin/pg_ctl -D $home/data -w -l $home/postgres.log -o '-p $port -c listen_addresses=127.0.0.1 -k $home -c max_connections=300 -c shared_preload_libraries=pg_stat_statements$options' start" \
    >/dev/null 2>&1 || fail "PostgreSQL did not start: $(tail -3 "$home/postgres.log")"
  su postgres -c "psql -h $home -p $port -U postgres -qc 'create database bridge'" >/dev/null \
    && su postgres -c "psql -h $home -p $port -U postgres -d bridge -qc 'create extension pg_stat_statements'" >/dev/null \
    || fail "could not create the bridge database"
  pg_pid=$(head -1 "$home/data/postmaster.pid")
}

bench_start_mosquitto() { # port
  local port=$1
  command -v mosquitto >/dev/null || fail "mosquitto is not installed (apt-get install -y --no-upgrade mosquitto)"
  cat >"$run_dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 100000
log_dest stdout
CONF
  say "starting Mosquitto on 127.0.0.1:$port"
  mosquitto -c "$run_dir/mosquitto.conf" >"$run_dir/mosquitto.log" 2>&1 &
  mosquitto_pid=$!
  wait_port Mosquitto "$port" 10
}
