#!/usr/bin/env bash
# A/B of the sample server against itself at another commit: both built, both running, measured in turn by wrk
# in the same run, several rounds alternating, so that drift of the machine hits both alike. Prints each
# round and the median CPU time per request (user + system from /proc) and requests/s, with the ratio.
#
#   bash benchmarks/load/ab.sh <base-commit>                 # /plaintext, wrk -t1 -c64, 10 s, 3 rounds
#   ROUNDS=5 PATHS="/plaintext /users/42" bash benchmarks/load/ab.sh HEAD~3
#   PIN=1 bash benchmarks/load/ab.sh <base>   # wrk on CPU 0, both servers (one worker each) on CPU 1: less noise
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
base="${1:?usage: ab.sh <base-commit>}"
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
rounds="${ROUNDS:-3}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-1}"
paths=(${PATHS:-/plaintext})
workers="${WORKERS:-$(( $(nproc) > threads ? $(nproc) - threads : 1 ))}"
server_prefix=""
if [[ "${PIN:-0}" == 1 ]]; then
  workers=1 server_prefix="taskset -c 1" wrk_prefix="taskset -c 0"
fi
base_dir="/tmp/hyperroute-ab-base"

git -C "$root" worktree remove --force "$base_dir" >/dev/null 2>&1 || true
git -C "$root" worktree add --detach "$base_dir" "$base" >/dev/null
echo "Building the sample at $base and at the working tree (Release)..."
dotnet build "$base_dir/samples/HyperRoute.Samples.Api" -c Release -v q -nologo >/dev/null
dotnet build "$root/samples/HyperRoute.Samples.Api" -c Release -v q -nologo >/dev/null

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  git -C "$root" worktree remove --force "$base_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

$server_prefix dotnet "$base_dir/samples/HyperRoute.Samples.Api/bin/Release/net10.0/HyperRoute.Samples.Api.dll" --port 8090 --workers "$workers" >/tmp/hyperroute-ab-a.log 2>&1 &
pids+=($!)
a_pid=$!
$server_prefix dotnet "$root/samples/HyperRoute.Samples.Api/bin/Release/net10.0/HyperRoute.Samples.Api.dll" --port 8091 --workers "$workers" >/tmp/hyperroute-ab-b.log 2>&1 &
pids+=($!)
b_pid=$!
wait_for 8090
wait_for 8091

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "wrk -t$threads -c$connections -d${duration}s, $rounds rounds alternating; A = $base, B = working tree; workers: $workers"
for path in "${paths[@]}"; do
  measure "http://127.0.0.1:8090$path" "$warmup" "$a_pid" >/dev/null
  measure "http://127.0.0.1:8091$path" "$warmup" "$b_pid" >/dev/null
  a_cpu=() b_cpu=() a_rps=() b_rps=()
  for round in $(seq 1 "$rounds"); do
    read -r rps _ _ _ cpu <<<"$(measure "http://127.0.0.1:8090$path" "$duration" "$a_pid")"
    a_rps+=("$rps") a_cpu+=("$cpu")
    read -r rps _ _ _ cpu <<<"$(measure "http://127.0.0.1:8091$path" "$duration" "$b_pid")"
    b_rps+=("$rps") b_cpu+=("$cpu")
    printf '%-12s round %d   A %10s req/s %7s us/req   B %10s req/s %7s us/req\n' "$path" "$round" "${a_rps[-1]}" "${a_cpu[-1]}" "${b_rps[-1]}" "${b_cpu[-1]}"
  done
  ma="$(printf '%s\n' "${a_cpu[@]}" | median)" mb="$(printf '%s\n' "${b_cpu[@]}" | median)"
  ra="$(printf '%s\n' "${a_rps[@]}" | median)" rb="$(printf '%s\n' "${b_rps[@]}" | median)"
  awk -v p="$path" -v ma="$ma" -v mb="$mb" -v ra="$ra" -v rb="$rb" \
    'BEGIN { printf "%-12s median      A %10.0f req/s %7.2f us/req   B %10.0f req/s %7.2f us/req   B/A CPU %.3f\n", p, ra, ma, rb, mb, mb / ma }'
done
