#!/usr/bin/env bash
# WebSocket race: the HyperRoute built-in server against ASP.NET Core's WebSocket middleware on Kestrel, the same
# routes, the same .NET load client (WsLoadClient, ClientWebSocket), in one run. Prints one table:
#   echo       1 KB binary messages over 64 connections: messages/s, p99, server CPU µs per message (/proc utime+stime)
#   broadcast  one message to 10,000 hub members: time until the last one received it (median and max of the rounds)
#   idle       server RSS per idle connection with 10,000 open WebSockets (RSS with them minus RSS before, / 10,000)
#
#   bash benchmarks/websocket/run.sh                        # defaults below
#   DURATION=30 CONNECTIONS=64 SIZE=1024 MEMBERS=10000 IDLE=10000 ROUNDS=5 WORKERS=2 bash benchmarks/websocket/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-64}"
size="${SIZE:-1024}"
members="${MEMBERS:-10000}"
idle="${IDLE:-10000}"
rounds="${ROUNDS:-5}"
workers="${WORKERS:-$(nproc)}"
hr_port="${HR_PORT:-8090}"
kestrel_port="${KESTREL_PORT:-8091}"
source "$root/benchmarks/load/lib.sh"

# 10,000 connections need 10,000 descriptors on each side (plus the client's own).
ulimit -n "$(( (members > idle ? members : idle) * 2 + 1024 ))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "ulimit -n $(ulimit -n)"

out="$here/bin"
if [ -z "${SKIP_BUILD:-}" ]; then
  for project in HyperRouteWsServer KestrelWsPeer WsLoadClient; do
    dotnet build "$here/$project" -c Release -o "$out/$project" -v quiet -nologo >/dev/null
  done
fi

client="$out/WsLoadClient/WsLoadClient"
server_pid=""
stop_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; server_pid=""; }
trap stop_server EXIT

start_server() { # name port
  if [ "$1" = hyperroute ]; then
    "$out/HyperRouteWsServer/HyperRouteWsServer" "$2" "$workers" >/dev/null &
  else
    "$out/KestrelWsPeer/KestrelWsPeer" "$2" >/dev/null &
  fi
  server_pid=$!
  wait_for "$2"
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

declare -A result
for name in hyperroute kestrel; do
  port=$([ "$name" = hyperroute ] && echo "$hr_port" || echo "$kestrel_port")
  url="ws://127.0.0.1:$port"

  start_server "$name" "$port"
  "$client" echo "$url" "$connections" 2 "$size" >/dev/null # warm-up
  before="$(cpu_ticks "$server_pid")"
  line="$("$client" echo "$url" "$connections" "$duration" "$size")"
  after="$(cpu_ticks "$server_pid")"
  messages="$(awk '{print $2}' <<<"$line")"; seconds="$(awk '{print $4}' <<<"$line")"; p99="$(awk '{print $6}' <<<"$line")"
  result[$name.rate]="$(awk -v m="$messages" -v s="$seconds" 'BEGIN { printf "%.0f", m / s }')"
  result[$name.p99]="$p99"
  result[$name.cpu]="$(awk -v t="$((after - before))" -v n="$messages" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t * 1e6 / hz / n }')"

  line="$("$client" broadcast "$url" "$members" "$rounds")"
  result[$name.bcast]="$(awk '{print $2}' <<<"$line")"; result[$name.bcastmax]="$(awk '{print $4}' <<<"$line")"
  stop_server

  start_server "$name" "$port"
  "$client" echo "$url" 16 1 64 >/dev/null # the server's steady state before counting
  sleep 1
  rss_before="$(rss_kb "$server_pid")"
  fifo="$(mktemp -u)"; mkfifo "$fifo"
  "$client" idle "$url" "$idle" <"$fifo" >"$fifo.out" & idle_pid=$!
  exec 9>"$fifo"
  until grep -q ready "$fifo.out" 2>/dev/null; do sleep 0.2; kill -0 "$idle_pid" || { echo "idle client failed" >&2; exit 1; }; done
  sleep 2
  rss_after="$(rss_kb "$server_pid")"
  exec 9>&-; wait "$idle_pid" || true; rm -f "$fifo" "$fifo.out"
  result[$name.idle]="$(awk -v a="$rss_after" -v b="$rss_before" -v n="$idle" 'BEGIN { printf "%.2f", (a - b) / n }')"
  stop_server
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
printf '\n%-44s %14s %14s %10s\n' "scenario ($(nproc) cores, $workers HyperRoute workers)" HyperRoute Kestrel "HR/Kestrel"
printf '%-44s %14s %14s %10s\n' "echo ${size} B x $connections conn: messages/s" "${result[hyperroute.rate]}" "${result[kestrel.rate]}" "$(ratio "${result[hyperroute.rate]}" "${result[kestrel.rate]}")"
printf '%-44s %14s %14s %10s\n' "echo: p99 ms" "${result[hyperroute.p99]}" "${result[kestrel.p99]}" "$(ratio "${result[hyperroute.p99]}" "${result[kestrel.p99]}")"
printf '%-44s %14s %14s %10s\n' "echo: server CPU µs per message" "${result[hyperroute.cpu]}" "${result[kestrel.cpu]}" "$(ratio "${result[hyperroute.cpu]}" "${result[kestrel.cpu]}")"
printf '%-44s %14s %14s %10s\n' "broadcast to $members: ms until the last (median)" "${result[hyperroute.bcast]}" "${result[kestrel.bcast]}" "$(ratio "${result[hyperroute.bcast]}" "${result[kestrel.bcast]}")"
printf '%-44s %14s %14s %10s\n' "broadcast to $members: ms (max of $rounds)" "${result[hyperroute.bcastmax]}" "${result[kestrel.bcastmax]}" "$(ratio "${result[hyperroute.bcastmax]}" "${result[kestrel.bcastmax]}")"
printf '%-44s %14s %14s %10s\n' "idle x $idle: server KB RSS per connection" "${result[hyperroute.idle]}" "${result[kestrel.idle]}" "$(ratio "${result[hyperroute.idle]}" "${result[kestrel.idle]}")"
