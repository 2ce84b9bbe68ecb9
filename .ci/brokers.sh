#!/usr/bin/env bash
# The brokers the broker-transport tests and the scale-out sample need: RabbitMQ and mosquitto, installed with apt-get
# when missing, started on loopback only with a throwaway configuration and data directory, and stopped again.
#
#   .ci/brokers.sh start     install if missing, start both (a no-op for one already answering), wait until they answer
#   .ci/brokers.sh stop      stop both (a no-op for one not running) and remove the throwaway directory
#   .ci/brokers.sh restart-rabbitmq   stop and start RabbitMQ only, keeping its data (the broker-restart test uses it)
#   .ci/brokers.sh kill-connections NAME   close every RabbitMQ client connection whose name contains NAME, from the broker
#   .ci/brokers.sh status    say whether each answers; exit 0 only when both do
#
# Ports: AMQP 127.0.0.1:${RABBITMQ_PORT:-5672}, MQTT 127.0.0.1:${MQTT_PORT:-1883}. State lives in ${BROKERS_DIR:-/tmp/hyperroute-brokers}.
# No systemd: CI runs as root in a container, so the servers are started directly, in the background.
set -euo pipefail

BROKERS_DIR="${BROKERS_DIR:-/tmp/hyperroute-brokers}"
RABBITMQ_PORT="${RABBITMQ_PORT:-5672}"
MQTT_PORT="${MQTT_PORT:-1883}"
RABBIT_BIN=/usr/lib/rabbitmq/bin

rabbit_env() {
  export HOME="$BROKERS_DIR/rabbitmq"                      # where the Erlang cookie is: the server and rabbitmqctl share it
  export RABBITMQ_NODENAME="hyperroute@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBITMQ_PORT"
  export RABBITMQ_DIST_PORT=$((RABBITMQ_PORT + 20000))
  export RABBITMQ_CONFIG_FILE="$BROKERS_DIR/rabbitmq/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$BROKERS_DIR/rabbitmq/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$BROKERS_DIR/rabbitmq/mnesia"
  export RABBITMQ_LOG_BASE="$BROKERS_DIR/rabbitmq/log"
  export RABBITMQ_PID_FILE="$BROKERS_DIR/rabbitmq/rabbitmq.pid"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1                         # the Erlang port mapper listens on loopback too
  export ERL_CRASH_DUMP="$BROKERS_DIR/erl_crash.dump"       # a ping before the node is up writes one: not in the caller's directory
  mkdir -p "$BROKERS_DIR"
}

install_missing() {
  local missing=()
  [ -x "$RABBIT_BIN/rabbitmq-server" ] || missing+=(rabbitmq-server)
  command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "brokers: installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # The Debian packages start their services where an init system runs; ours are started below, on loopback.
    pkill_service_instances
  fi
}

# Only the package's own default instances (started by its postinst where an init exists) are stopped here, by pid file.
pkill_service_instances() {
  for pidfile in /run/mosquitto/mosquitto.pid /var/run/mosquitto/mosquitto.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}

tcp_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

rabbit_answers() { rabbit_env; "$RABBIT_BIN/rabbitmq-diagnostics" -q ping >/dev/null 2>&1 && tcp_answers "$RABBITMQ_PORT"; }

start_rabbitmq() {
  rabbit_env
  if rabbit_answers; then echo "brokers: RabbitMQ already answers on 127.0.0.1:$RABBITMQ_PORT"; return 0; fi
  mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
  [ -f "$HOME/.erlang.cookie" ] || { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$HOME/.erlang.cookie"; chmod 400 "$HOME/.erlang.cookie"; }
  cat > "$RABBITMQ_CONFIG_FILE" <<EOF
listeners.tcp.default = 127.0.0.1:$RABBITMQ_PORT
loopback_users.guest = true
log.file.level = warning
log.console = false
# The tests fill queues on purpose (a sink that stops consuming): keep the disk alarm out of their way.
disk_free_limit.absolute = 50MB
EOF
  echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  echo "brokers: starting RabbitMQ on 127.0.0.1:$RABBITMQ_PORT (state in $HOME)"
  nohup "$RABBIT_BIN/rabbitmq-server" > "$RABBITMQ_LOG_BASE/startup.log" 2>&1 &
  for _ in $(seq 1 120); do
    if rabbit_answers; then echo "brokers: RabbitMQ answers"; return 0; fi
    sleep 1
  done
  echo "brokers: RabbitMQ did not answer within 120 s; its log follows" >&2
  tail -n 40 "$RABBITMQ_LOG_BASE/startup.log" >&2 || true
  return 1
}

stop_rabbitmq() {
  rabbit_env
  if [ -d "$HOME" ] && "$RABBIT_BIN/rabbitmq-diagnostics" -q ping >/dev/null 2>&1; then
    echo "brokers: stopping RabbitMQ"
    "$RABBIT_BIN/rabbitmqctl" -q stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || "$RABBIT_BIN/rabbitmqctl" -q shutdown >/dev/null 2>&1 || true
  fi
}

start_mosquitto() {
  local dir="$BROKERS_DIR/mosquitto"
  if tcp_answers "$MQTT_PORT"; then echo "brokers: mosquitto already answers on 127.0.0.1:$MQTT_PORT"; return 0; fi
  mkdir -p "$dir"
  # Started as root, mosquitto drops to the user named here; its directory must be that user's.
  local user=root
  if id mosquitto >/dev/null 2>&1; then user=mosquitto; fi
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"
  cat > "$dir/mosquitto.conf" <<EOF
user $user
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence true
persistence_location $dir/
pid_file $dir/mosquitto.pid
log_dest file $dir/mosquitto.log
# QoS 1 messages queued for a subscriber that is not reading: the tests count every one of them.
max_queued_messages 100000
max_inflight_messages 100
EOF
  echo "brokers: starting mosquitto on 127.0.0.1:$MQTT_PORT"
  /usr/sbin/mosquitto -c "$dir/mosquitto.conf" -d
  for _ in $(seq 1 50); do
    if tcp_answers "$MQTT_PORT"; then echo "brokers: mosquitto answers"; return 0; fi
    sleep 0.2
  done
  echo "brokers: mosquitto did not answer within 10 s" >&2
  tail -n 20 "$dir/mosquitto.log" >&2 || true
  return 1
}

stop_mosquitto() {
  local pidfile="$BROKERS_DIR/mosquitto/mosquitto.pid"
  if [ -f "$pidfile" ]; then
    local pid; pid="$(cat "$pidfile")"
    if kill "$pid" 2>/dev/null; then
      echo "brokers: stopping mosquitto"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
  fi
}

case "${1:-}" in
  start)
    install_missing
    start_rabbitmq
    start_mosquitto
    ;;
  stop)
    stop_rabbitmq
    stop_mosquitto
    rm -rf "$BROKERS_DIR"
    ;;
  restart-rabbitmq)
    stop_rabbitmq
    rabbit_env
    for _ in $(seq 1 60); do tcp_answers "$RABBITMQ_PORT" || break; sleep 0.5; done
    start_rabbitmq
    ;;
  kill-connections)
    # Closes, from the broker's side, every client connection whose name contains $2: as if its process had been
    # killed, the broker requeues what it had not acknowledged (the broker-transport tests use it).
    rabbit_env
    "$RABBIT_BIN/rabbitmqctl" -q --no-table-headers list_connections pid client_properties 2>/dev/null \
      | grep -F -- "${2:?which connections}" | awk '{print $1}' \
      | while read -r pid; do "$RABBIT_BIN/rabbitmqctl" -q close_connection "$pid" "killed by .ci/brokers.sh"; done
    ;;
  status)
    ok=0
    if rabbit_answers; then echo "RabbitMQ: answers on 127.0.0.1:$RABBITMQ_PORT"; else echo "RabbitMQ: not answering"; ok=1; fi
    if tcp_answers "$MQTT_PORT"; then echo "mosquitto: answers on 127.0.0.1:$MQTT_PORT"; else echo "mosquitto: not answering"; ok=1; fi
    exit $ok
    ;;
  *)
    echo "usage: $0 start|stop|restart-rabbitmq|kill-connections NAME|status" >&2
    exit 2
    ;;
esac
