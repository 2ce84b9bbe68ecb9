#!/usr/bin/env bash
# End-to-end race: the HyperRoute sample server against a Kestrel minimal API with the same routes,
# on loopback, measured in turn by wrk in the same run. Prints requests/s and latency percentiles side
# by side with the ratio.
#
#   bash benchmarks/load/run.sh                       # defaults: wrk -t1 -c64, 10 s per run, 5 s warm-up
#   DURATION=30 CONNECTIONS=128 bash benchmarks/load/run.sh
#   WORKERS=1 bash benchmarks/load/run.sh             # HyperRoute workers (default: processor count)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-1}"
hr_port="${HR_PORT:-8080}"
kestrel_port="${KESTREL_PORT:-8081}"
paths=(${PATHS:-/plaintext /users/42})

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

hr_args=(--port "$hr_port")
if [[ -n "${WORKERS:-}" ]]; then hr_args+=(--workers "$WORKERS"); fi
dotnet "$root/samples/HyperRoute.Samples.Api/bin/Release/net10.0/HyperRoute.Samples.Api.dll" "${hr_args[@]}" >/tmp/hyperroute-load-hr.log 2>&1 &
pids+=($!)
dotnet "$root/benchmarks/load/KestrelPeer/bin/Release/net10.0/KestrelPeer.dll" --port "$kestrel_port" >/tmp/hyperroute-load-kestrel.log 2>&1 &
pids+=($!)

wait_for() {
  for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$1/plaintext" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2
  exit 1
}
wait_for "$hr_port"
wait_for "$kestrel_port"

# Runs wrk and prints: requests/s p50 p90 p99 (latencies in ms)
measure() {
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"${2}s" --latency "$1")"
  local rps p50 p90 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p90="$(awk '$1=="90%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  echo "$rps $(to_ms "$p50") $(to_ms "$p90") $(to_ms "$p99")"
}

to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else print v }'
}

echo "wrk -t$threads -c$connections -d${duration}s --latency, after a ${warmup}s warm-up of each server; $(nproc) cores"
printf '%-12s %-10s %12s %10s %10s %10s\n' "path" "server" "requests/s" "p50 ms" "p90 ms" "p99 ms"
for path in "${paths[@]}"; do
  measure "http://127.0.0.1:$hr_port$path" "$warmup" >/dev/null
  measure "http://127.0.0.1:$kestrel_port$path" "$warmup" >/dev/null
  read -r hr_rps hr_p50 hr_p90 hr_p99 <<<"$(measure "http://127.0.0.1:$hr_port$path" "$duration")"
  read -r k_rps k_p50 k_p90 k_p99 <<<"$(measure "http://127.0.0.1:$kestrel_port$path" "$duration")"
  printf '%-12s %-10s %12s %10s %10s %10s\n' "$path" "HyperRoute" "$hr_rps" "$hr_p50" "$hr_p90" "$hr_p99"
  printf '%-12s %-10s %12s %10s %10s %10s\n' "" "Kestrel" "$k_rps" "$k_p50" "$k_p90" "$k_p99"
  awk -v a="$hr_rps" -v b="$k_rps" -v c="$hr_p99" -v d="$k_p99" \
    'BEGIN { printf "%-12s %-10s %11.2fx %32s\n", "", "ratio", a / b, sprintf("p99 %.2fx lower", d / c) }'
done
