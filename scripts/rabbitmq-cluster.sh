#!/usr/bin/env bash
# A three-node RabbitMQ cluster on 127.0.0.1 for the fault suite (R8): separate node names, ports and data
# directories, one Erlang cookie (the rabbitmq user's, which every node started here shares), loopback only.
#   scripts/rabbitmq-cluster.sh start            start the three nodes and join 2 and 3 to 1
#   scripts/rabbitmq-cluster.sh stop             stop every node (and remove the data directory)
#   scripts/rabbitmq-cluster.sh kill-node N      kill -9 node N's Erlang VM (by the pid recorded at its start)
#   scripts/rabbitmq-cluster.sh start-node N     start node N again on its data: it rejoins the cluster
#   scripts/rabbitmq-cluster.sh status           which nodes run, and the cluster as a running node sees it
#   scripts/rabbitmq-cluster.sh leaders VHOST    how many quorum queue leaders each node holds in VHOST
#   scripts/rabbitmq-cluster.sh uris             the nodes as host:port, one a line
# Settings: BRIDGE_FAULTS_CLUSTER_PORTS ("57850 57860 57870": AMQP ports; management on port+1, Erlang
# distribution on port-20000), BRIDGE_FAULTS_CLUSTER_DIR (default /tmp/bridge-faults-cluster-<first port>).
# faults.sh may source this file (BRIDGE_CLUSTER_SOURCED=1) and call the cluster_* functions.
set -uo pipefail

cluster_ports=(${BRIDGE_FAULTS_CLUSTER_PORTS:-57850 57860 57870})
cluster_dir=${BRIDGE_FAULTS_CLUSTER_DIR:-/tmp/bridge-faults-cluster-${cluster_ports[0]}}

cluster_say() { printf '[rabbitmq-cluster] %s\n' "$*" >&2; }

cluster_node_name() { echo "bridge-faults-$1@localhost"; }

cluster_port() { echo "${cluster_ports[$(($1 - 1))]}"; }

cluster_env() { # N: the environment that points rabbitmq-server and rabbitmqctl at node N
  local n=$1 port dir
  port=$(cluster_port "$n")
  dir="$cluster_dir/node$n"
  cat <<ENVF
RABBITMQ_NODENAME=$(cluster_node_name "$n")
RABBITMQ_USE_LONGNAME=false
RABBITMQ_CONFIG_FILE=$dir/rabbitmq
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_DIST_PORT=$((port - 20000))
RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
ENVF
}

cluster_ctl() { # N args…: rabbitmqctl against node N
  local n=$1
  shift
  ( set -a; eval "$(cluster_env "$n")"; timeout "${BRIDGE_FAULTS_CLUSTER_TIMEOUT:-180}" rabbitmqctl -n "$RABBITMQ_NODENAME" "$@" )
}

cluster_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cluster_running() { # N: the node's VM is alive
  local pidfile="$cluster_dir/node$1.pid"
  [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

cluster_start_node() { # N: start node N (first start writes its configuration) and wait until it is up
  local n=$1 port dir i
  port=$(cluster_port "$n")
  dir="$cluster_dir/node$n"
  if cluster_running "$n"; then
    cluster_say "node $n already runs"
    return 0
  fi
  cluster_port_open "$port" && { cluster_say "port $port (node $n) is in use; set BRIDGE_FAULTS_CLUSTER_PORTS"; return 1; }
  mkdir -p "$dir"
  chmod 755 "$cluster_dir"
  cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$port
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $((port + 1))
cluster_partition_handling = pause_minority
CONF
  echo "[rabbitmq_management]." >"$dir/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$cluster_dir" 2>/dev/null || true
  # A node that does not come up is stopped and started once more: its fixed ports are in the ephemeral range, and a
  # client socket can hold one for a moment.
  local attempt
  for attempt in 1 2; do
    cluster_boot_node "$n" "$port" "$dir" && break
    ((attempt == 2)) && return 1
    cluster_say "node $n: starting it once more"
  done
  # The Erlang VM's own pid: kill-node ends exactly this process.
  cluster_ctl "$n" eval 'list_to_integer(os:getpid()).' 2>/dev/null | tr -dc '0-9' >"$cluster_dir/node$n.pid"
  cluster_say "node $n up (pid $(cat "$cluster_dir/node$n.pid"))"
}

cluster_kill_tree() { # PID: the process and everything it started (rabbitmq-server runs the VM as a child)
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do cluster_kill_tree "$child"; done
  kill -KILL "$1" 2>/dev/null
}

cluster_boot_node() { # N PORT DIR: one attempt to start node N; on failure says why and leaves nothing running
  local n=$1 port=$2 dir=$3 i
  cluster_say "starting node $n ($(cluster_node_name "$n")) on 127.0.0.1:$port"
  # Foreground server backgrounded by the shell (as test.sh does): -detached would lose this environment.
  ( set -a; eval "$(cluster_env "$n")"; exec rabbitmq-server >>"$dir/server.out" 2>&1 ) &
  local launcher=$!
  for ((i = 0; i < 600; i++)); do
    cluster_port_open "$port" && break
    kill -0 "$launcher" 2>/dev/null || { cluster_say "node $n exited while starting: $(tail -n 3 "$dir/server.out")"; return 1; }
    sleep 0.1
  done
  if ! cluster_ctl "$n" await_startup >"$dir/await.out" 2>&1; then
    cluster_say "node $n did not finish starting: $(tail -n 2 "$dir/await.out" | tr '\n' ' ') server: $(tail -n 3 "$dir/server.out" | tr '\n' ' ')"
    cluster_kill_tree "$launcher"
    wait "$launcher" 2>/dev/null
    return 1
  fi
}

cluster_start() {
  mkdir -p "$cluster_dir"
  local n pids=() failed=0
  # The three boot at once (a node's boot is mostly waiting on itself); then 2 and 3 join 1.
  for n in 1 2 3; do
    cluster_start_node "$n" &
    pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n" || failed=1; done
  ((failed == 0)) || return 1
  for n in 2 3; do
    if cluster_ctl 1 cluster_status 2>/dev/null | grep -q "$(cluster_node_name "$n")"; then
      continue
    fi
    cluster_say "joining node $n to node 1"
    cluster_ctl "$n" stop_app >/dev/null && cluster_ctl "$n" join_cluster "$(cluster_node_name 1)" >/dev/null \
      && cluster_ctl "$n" start_app >/dev/null || { cluster_say "node $n could not join"; return 1; }
  done
  cluster_ctl 1 await_online_nodes 3 >/dev/null 2>&1 || { cluster_say "the cluster did not see three running nodes"; return 1; }
  cluster_say "cluster of three running: ${cluster_ports[*]}"
}

cluster_kill_node() { # N
  local pidfile="$cluster_dir/node$1.pid"
  cluster_running "$1" || { cluster_say "node $1 does not run"; return 1; }
  cluster_say "kill -9 node $1 (pid $(cat "$pidfile"))"
  kill -KILL "$(cat "$pidfile")"
  local i
  for ((i = 0; i < 100; i++)); do
    cluster_running "$1" || break
    sleep 0.1
  done
  # The launcher's children (epmd stays: the other nodes use it).
  rm -f "$pidfile"
}

cluster_stop() {
  local n
  for n in 3 2 1; do
    if cluster_running "$n"; then
      cluster_ctl "$n" shutdown >/dev/null 2>&1 || kill -KILL "$(cat "$cluster_dir/node$n.pid")" 2>/dev/null
    fi
    rm -f "$cluster_dir/node$n.pid"
  done
  rm -rf "$cluster_dir"
}

cluster_status() {
  local n any=""
  for n in 1 2 3; do
    if cluster_running "$n"; then
      echo "node $n $(cluster_node_name "$n") 127.0.0.1:$(cluster_port "$n") running (pid $(cat "$cluster_dir/node$n.pid"))"
      any=${any:-$n}
    else
      echo "node $n $(cluster_node_name "$n") 127.0.0.1:$(cluster_port "$n") down"
    fi
  done
  [[ -n $any ]] && echo "running as node $any sees them: $(cluster_ctl "$any" eval 'rabbit_nodes:all_running().' 2>/dev/null | tr -d '\n')"
}

cluster_leaders() { # VHOST: "count node" lines, most leaders first
  local n
  for n in 1 2 3; do
    if cluster_running "$n"; then
      cluster_ctl "$n" list_queues -p "$1" --no-table-headers --quiet type leader 2>/dev/null \
        | awk '$1 == "quorum" { print $2 }' | sort | uniq -c | sort -rn
      return 0
    fi
  done
  return 1
}

cluster_uris() {
  local port
  for port in "${cluster_ports[@]}"; do echo "127.0.0.1:$port"; done
}

if [[ -z ${BRIDGE_CLUSTER_SOURCED:-} ]]; then
  case "${1:-}" in
    start) cluster_start ;;
    stop) cluster_stop ;;
    kill-node) cluster_kill_node "${2:?node number 1-3}" ;;
    start-node) cluster_start_node "${2:?node number 1-3}" ;;
    status) cluster_status ;;
    leaders) cluster_leaders "${2:?virtual host}" ;;
    uris) cluster_uris ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
fi
