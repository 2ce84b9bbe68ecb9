#!/usr/bin/env bash
# What the built-in server's telemetry costs: the sample API with nothing listening, with the OpenTelemetry SDK
# collecting its metrics, exporting its spans, or both; one process each, started together and measured in turn by wrk
# in the same run. Prints requests/s, latency percentiles and each server's CPU time per request (user + system, from
# /proc/<pid>/stat), with the ratio of CPU per request to the run with nothing listening (target: metrics <= 1.05x).
#
#   bash benchmarks/telemetry/run.sh                        # wrk -t1 -c64, 10 s per run after a 5 s warm-up
#   DURATION=30 CONNECTIONS=128 bash benchmarks/telemetry/run.sh
#   PATHS="/plaintext /users/42 /todos/1" WORKERS=1 bash benchmarks/telemetry/run.sh
#   MODES="none metrics" bash benchmarks/telemetry/run.sh   # a subset of: none metrics traces all
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-1}"
base_port="${BASE_PORT:-8090}"
paths=(${PATHS:-/plaintext /users/42})
modes=(${MODES:-none metrics traces all})
source "$root/benchmarks/load/lib.sh"

command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "Building (Release)..."
dotnet build "$here/TelemetryServer" -c Release -v q -nologo >/dev/null
dll="$here/TelemetryServer/bin/Release/net10.0/TelemetryServer.dll"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

workers="${WORKERS:-$(( $(nproc) > threads ? $(nproc) - threads : 1 ))}"
declare -A port_of pid_of
i=0
for mode in "${modes[@]}"; do
  port_of[$mode]=$((base_port + i))
  dotnet "$dll" --port "${port_of[$mode]}" --workers "$workers" --telemetry "$mode" >"/tmp/hyperroute-telemetry-$mode.log" 2>&1 &
  pids+=($!)
  pid_of[$mode]=$!
  i=$((i + 1))
done
for mode in "${modes[@]}"; do wait_for "${port_of[$mode]}"; done

echo "wrk -t$threads -c$connections -d${duration}s --latency, after a ${warmup}s warm-up of each server; $(nproc) cores; workers: $workers"
printf '%-14s %-8s %12s %8s %8s %8s %10s %10s\n' "request" "telemetry" "requests/s" "p50 ms" "p90 ms" "p99 ms" "CPU us/req" "CPU ratio"
for path in "${paths[@]}"; do
  for mode in "${modes[@]}"; do
    measure "http://127.0.0.1:${port_of[$mode]}$path" "$warmup" "${pid_of[$mode]}" >/dev/null
  done
  base_cpu=""
  for mode in "${modes[@]}"; do
    read -r rps p50 p90 p99 cpu <<<"$(measure "http://127.0.0.1:${port_of[$mode]}$path" "$duration" "${pid_of[$mode]}")"
    base_cpu="${base_cpu:-$cpu}"
    printf '%-14s %-8s %12s %8s %8s %8s %10s %9.3fx\n' "$path" "$mode" "$rps" "$p50" "$p90" "$p99" "$cpu" "$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN { print a / b }')"
  done
done
