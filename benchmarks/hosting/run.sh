#!/usr/bin/env bash
# HyperRoute hosted in ASP.NET Core (UseHyperRoute, the sample's ShopApi) against the same routes as a minimal API, on
# the same Kestrel with the same pipeline, measured in turn by wrk in the same run. Routing and binding are what
# differ, so the table's last column is the share of server CPU per request the generated router saves.
#
#   bash benchmarks/hosting/run.sh                          # wrk -t1 -c64, 10 s per run after a 5 s warm-up
#   DURATION=30 CONNECTIONS=128 bash benchmarks/hosting/run.sh
#   PATHS="/plaintext /users/42 /users?page=3&size=5" bash benchmarks/hosting/run.sh
#
# CPU per request is the server's user + system time from /proc/<pid>/stat over the measured run (benchmarks/load/lib.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-1}"
hr_port="${HR_PORT:-8090}"
minimal_port="${MINIMAL_PORT:-8091}"
paths=(${PATHS:-/plaintext /users/42 /users?page=3&size=5})
source "$root/benchmarks/load/lib.sh"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk..."
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

echo "Building (Release)..."
dotnet build "$root/benchmarks/hosting/HostingPeer" -c Release -v q -nologo >/dev/null
peer="$root/benchmarks/hosting/HostingPeer/bin/Release/net10.0/HostingPeer.dll"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

dotnet "$peer" --port "$hr_port" --router hyperroute >/tmp/hyperroute-hosting-hr.log 2>&1 &
pids+=($!)
hr_pid=$!
dotnet "$peer" --port "$minimal_port" --router minimal >/tmp/hyperroute-hosting-minimal.log 2>&1 &
pids+=($!)
minimal_pid=$!
wait_for "$hr_port"
wait_for "$minimal_port"

# Both must answer alike before they are compared.
for path in "${paths[@]}"; do
  a="$(curl -fs "http://127.0.0.1:$hr_port$path")"
  b="$(curl -fs "http://127.0.0.1:$minimal_port$path")"
  if [ "$a" != "$b" ]; then echo "the two routers answer $path differently: '$a' vs '$b'" >&2; exit 1; fi
done

echo "wrk -t$threads -c$connections, ${duration}s per run after ${warmup}s warm-up; $(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg)"
printf '%-24s %-11s %12s %8s %8s %8s %12s %8s\n' "path" "router" "requests/s" "p50 ms" "p90 ms" "p99 ms" "CPU us/req" "saved"
for path in "${paths[@]}"; do
  measure "http://127.0.0.1:$hr_port$path" "$warmup" "$hr_pid" >/dev/null
  measure "http://127.0.0.1:$minimal_port$path" "$warmup" "$minimal_pid" >/dev/null
  read -r hr_rps hr_p50 hr_p90 hr_p99 hr_cpu <<<"$(measure "http://127.0.0.1:$hr_port$path" "$duration" "$hr_pid")"
  read -r m_rps m_p50 m_p90 m_p99 m_cpu <<<"$(measure "http://127.0.0.1:$minimal_port$path" "$duration" "$minimal_pid")"
  saved="$(awk -v h="$hr_cpu" -v m="$m_cpu" 'BEGIN { if (m > 0) printf "%.1f%%", (1 - h / m) * 100; else print "n/a" }')"
  printf '%-24s %-11s %12s %8s %8s %8s %12s %8s\n' "$path" "HyperRoute" "$hr_rps" "$hr_p50" "$hr_p90" "$hr_p99" "$hr_cpu" "$saved"
  printf '%-24s %-11s %12s %8s %8s %8s %12s %8s\n' "" "minimal API" "$m_rps" "$m_p50" "$m_p90" "$m_p99" "$m_cpu" ""
done
