#!/usr/bin/env bash
# End-to-end race: the HyperRoute sample server against a Kestrel minimal API with the same routes,
# on loopback, measured in turn by wrk in the same run. Prints requests/s and latency percentiles side
# by side with the ratio.
#
#   bash benchmarks/load/run.sh                       # defaults: wrk -t1 -c64, 10 s per run, 5 s warm-up
#   DURATION=30 CONNECTIONS=128 bash benchmarks/load/run.sh
#   WORKERS=2 bash benchmarks/load/run.sh             # HyperRoute event loops (default: the cores wrk leaves free)
#   PIPELINE=0 bash benchmarks/load/run.sh            # skip the pipelined run (default depth 16)
#   PATHS="/plaintext /yield" bash benchmarks/load/run.sh   # /yield: an async handler that awaits Task.Yield()
#   PATHS=/todos/1 TODOS=1 bash benchmarks/load/run.sh   # todo 1 created first; TODOS=1 also races POST /todos
#                                                     # (a JSON body in, 201 with the todo out; post-todo.lua)
#   MIXED=/slow/50 bash benchmarks/load/run.sh        # also: CONNECTIONS on /slow/50 (awaits 50 ms) while another
#                                                     # CONNECTIONS hammer /plaintext; /plaintext's p99 under that mix
#
# wrk's latency histogram breaks under pipelining (it prints a 99th percentile of 0.00us); such a p99 is shown
# as 0.000 and not compared.
#
# Besides wrk's figures it prints each server's CPU time per request (user + system, read from /proc),
# which shows the cost of a request even when wrk itself, not the server, is the bottleneck.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-1}"
hr_port="${HR_PORT:-8080}"
kestrel_port="${KESTREL_PORT:-8081}"
paths=(${PATHS:-/plaintext /users/42})
pipeline="${PIPELINE:-16}"
mixed="${MIXED:-}"
todos="${TODOS:-0}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk..."
  if ! apt-get install -y wrk >/dev/null 2>&1; then
    apt-get update >/dev/null && apt-get install -y wrk >/dev/null
  fi
fi

echo "Building (Release)..."
dotnet build "$root/samples/HyperRoute.Samples.Api" -c Release -v q -nologo >/dev/null
dotnet build "$root/benchmarks/load/KestrelPeer" -c Release -v q -nologo >/dev/null

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# wrk runs on this machine too: give HyperRoute one event loop per core that wrk's threads leave free.
# Kestrel keeps its defaults, which measured best for it (thread pool over all cores; 64k requests/s against
# 49k when limited to one core with DOTNET_PROCESSOR_COUNT=1).
workers="${WORKERS:-$(( $(nproc) > threads ? $(nproc) - threads : 1 ))}"
hr_args=(--port "$hr_port" --workers "$workers")
dotnet "$root/samples/HyperRoute.Samples.Api/bin/Release/net10.0/HyperRoute.Samples.Api.dll" "${hr_args[@]}" >/tmp/hyperroute-load-hr.log 2>&1 &
pids+=($!)
hr_pid=$!
dotnet "$root/benchmarks/load/KestrelPeer/bin/Release/net10.0/KestrelPeer.dll" --port "$kestrel_port" >/tmp/hyperroute-load-kestrel.log 2>&1 &
pids+=($!)
kestrel_pid=$!

wait_for "$hr_port"
wait_for "$kestrel_port"
# Both servers start with no todos: create todo 1 on each, for GET /todos/1.
for p in "$hr_port" "$kestrel_port"; do
  curl -fs -X POST -H 'Content-Type: application/json' -d '{"title":"milk","done":false}' "http://127.0.0.1:$p/todos" >/dev/null || true
done

race() {
  local label="$1" path="$2"
  shift 2
  measure "http://127.0.0.1:$hr_port$path" "$warmup" "$hr_pid" "$@" >/dev/null
  measure "http://127.0.0.1:$kestrel_port$path" "$warmup" "$kestrel_pid" "$@" >/dev/null
  read -r hr_rps hr_p50 hr_p90 hr_p99 hr_cpu <<<"$(measure "http://127.0.0.1:$hr_port$path" "$duration" "$hr_pid" "$@")"
  read -r k_rps k_p50 k_p90 k_p99 k_cpu <<<"$(measure "http://127.0.0.1:$kestrel_port$path" "$duration" "$kestrel_pid" "$@")"
  printf '%-26s %-10s %12s %8s %8s %8s %10s\n' "$label" "HyperRoute" "$hr_rps" "$hr_p50" "$hr_p90" "$hr_p99" "$hr_cpu"
  printf '%-26s %-10s %12s %8s %8s %8s %10s\n' "" "Kestrel" "$k_rps" "$k_p50" "$k_p90" "$k_p99" "$k_cpu"
  awk -v a="$hr_rps" -v b="$k_rps" -v c="$hr_p99" -v d="$k_p99" -v e="$hr_cpu" -v f="$k_cpu" \
    'BEGIN { printf "%-26s %-10s %11.2fx %17s %8s %9.2fx\n", "", "ratio", a / b, (c > 0 && d > 0) ? sprintf("p99 %.2fx lower", d / c) : "p99 n/a", "", f / e }'
}

echo "wrk -t$threads -c$connections -d${duration}s --latency, after a ${warmup}s warm-up of each server; $(nproc) cores; HyperRoute workers: $workers"
printf '%-26s %-10s %12s %8s %8s %8s %10s\n' "request" "server" "requests/s" "p50 ms" "p90 ms" "p99 ms" "CPU us/req"
for path in "${paths[@]}"; do
  race "$path" "$path"
done
# /plaintext measured while as many connections wait on a slow async route ($mixed) on the same server.
mixed_race() {
  local slow="$1" label port pid slow_out fast
  for label in HyperRoute Kestrel; do
    if [[ "$label" == HyperRoute ]]; then port="$hr_port"; pid="$hr_pid"; else port="$kestrel_port"; pid="$kestrel_pid"; fi
    wrk -t1 -c"$connections" -d"$((duration + 2))s" --latency "http://127.0.0.1:$port$slow" >/tmp/hyperroute-load-slow.txt &
    local slow_pid=$!
    sleep 1 # the slow connections are all waiting before the fast ones start
    fast="$(measure "http://127.0.0.1:$port${paths[0]}" "$duration" "$pid")"
    wait "$slow_pid"
    slow_out="$(cat /tmp/hyperroute-load-slow.txt)"
    read -r f_rps f_p50 f_p90 f_p99 f_cpu <<<"$fast"
    printf '%-26s %-10s %12s %8s %8s %8s %10s   %s: %s req/s, p99 %s ms
' "${paths[0]} + $slow" "$label" "$f_rps" "$f_p50" "$f_p90" "$f_p99" "$f_cpu" \
      "$slow" "$(awk '/Requests\/sec/ {print $2}' <<<"$slow_out")" "$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$slow_out")")"
  done
}

if [[ "$todos" == "1" ]]; then
  race "POST /todos" "/todos" -s "$here/post-todo.lua"
fi
if [[ -n "$mixed" ]]; then
  mixed_race "$mixed"
fi
if [[ "$pipeline" != "0" ]]; then
  race "${paths[0]} x$pipeline pipelined" "${paths[0]}" -s "$here/pipeline.lua" -- "$pipeline"
fi
