#!/usr/bin/env bash
# End-to-end messages/s through the IoT telemetry sample over loopback: the HyperRoute router (generated
# TelemetryRouter behind a FramedTcpSource, TcpPeer destinations) against the same rules written conventionally
# (PipeReader per connection, hand-written parser, Dictionary of delegates, a socket per sink), in turn, in one run.
# Devices, router and the six sinks share the machine (one process per run), so the figures are the whole path's:
# messages/s (wall clock, sensitive to anything else running) and CPU time per message (the process's user + system
# time over the run, startup excluded, which other load on the machine does not inflate).
#
#   bash benchmarks/messages/run.sh                      # 3 rounds, 8 devices × 100,000 readings each
#   ROUNDS=5 DEVICES=16 READINGS=200000 bash benchmarks/messages/run.sh
#   RATE=10000 READINGS=30000 ROUNDS=2 bash benchmarks/messages/run.sh   # paced devices (readings/s each): latency, not a queue
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${ROUNDS:-3}"
devices="${DEVICES:-8}"
readings="${READINGS:-100000}"
pace="${RATE:-0}"
dll="$root/samples/HyperRoute.Samples.Telemetry/bin/Release/net10.0/HyperRoute.Samples.Telemetry.dll"

echo "Building (Release)..."
dotnet build "$root/samples/HyperRoute.Samples.Telemetry" -c Release -v q -nologo >/dev/null

run() { # router -> "messages/s p50 p99 cpu-µs-per-message"
  local out
  out="$(dotnet "$dll" --router "$1" --devices "$devices" --readings "$readings" --rate "$pace")" || { echo "$out" >&2; echo "the $1 run did not balance" >&2; exit 1; }
  local rate p50 p99 cpu
  rate="$(grep '^throughput' <<<"$out" | awk '{gsub(",", "", $2); print $2}')"
  p50="$(grep '^latency' <<<"$out" | sed -E 's/.*p50 < ([0-9,]+) µs.*/\1/' | tr -d ,)"
  p99="$(grep '^latency' <<<"$out" | sed -E 's/.*p99 < ([0-9,]+) µs.*/\1/' | tr -d ,)"
  cpu="$(grep '^CPU' <<<"$out" | awk '{print $2}')"
  echo "$rate $p50 $p99 $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-6s %-12s %14s %12s %12s %14s\n' round router "messages/s" "p50 < µs" "p99 < µs" "CPU µs/msg"
hr_rates=(); cv_rates=(); hr_cpu=(); cv_cpu=()
for round in $(seq 1 "$rounds"); do
  for router in hyperroute conventional; do
    read -r rate p50 p99 cpu < <(run "$router")
    printf '%-6s %-12s %14s %12s %12s %14s\n' "$round" "$router" "$rate" "$p50" "$p99" "$cpu"
    if [[ $router == hyperroute ]]; then hr_rates+=("$rate"); hr_cpu+=("$cpu"); else cv_rates+=("$rate"); cv_cpu+=("$cpu"); fi
  done
done

hr="$(printf '%s\n' "${hr_rates[@]}" | median)"
cv="$(printf '%s\n' "${cv_rates[@]}" | median)"
echo
echo "median messages/s: HyperRoute $hr, conventional $cv, ratio $(awk -v a="$hr" -v b="$cv" 'BEGIN {printf "%.2f", a / b}')×"
hc="$(printf '%s\n' "${hr_cpu[@]}" | median)"
cc="$(printf '%s\n' "${cv_cpu[@]}" | median)"
echo "median CPU per message (devices, router and sinks): HyperRoute $hc µs, conventional $cc µs, ratio $(awk -v a="$cc" -v b="$hc" 'BEGIN {printf "%.2f", a / b}')× less"
