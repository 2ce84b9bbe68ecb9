#!/usr/bin/env bash
# The generated router between brokers against the same routing written conventionally with the client libraries.
#
#   benchmarks/brokers/run.sh            MESSAGES=20000 per case, brokers started (and left running) by .ci/brokers.sh
#   MESSAGES=2000 benchmarks/brokers/run.sh   a smoke run
#
# Each case runs in a fresh process: the backlog is queued on the broker first (RabbitMQ queue, or the relay's MQTT
# session), then the relay starts and the clock runs until every message is in the two output queues. Columns:
# messages/s, CPU µs per message of the relay's process (utime+stime via Process.TotalProcessorTime, the relay and its
# client library; the brokers' CPU is not counted), bytes allocated per message in that process (client library
# included; the conventional relay's figure is essentially the library's own share).
set -euo pipefail
cd "$(dirname "$0")/../.."
MESSAGES="${MESSAGES:-20000}"

bash .ci/brokers.sh start >/dev/null
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build benchmarks/brokers/BrokerBench -c Release -v quiet -nologo >/dev/null
bench=benchmarks/brokers/BrokerBench/bin/Release/net10.0/BrokerBench.dll

printf '%-20s %8s %12s %10s %10s\n' case messages msgs/s "CPU µs/msg" "B/msg"
declare -A rate cpu
for case in rabbit-generated rabbit-conventional mqtt-generated mqtt-conventional; do
  line="$(dotnet "$bench" "$case" "$MESSAGES")"
  echo "$line"
  read -r _ _ r c _ <<<"$line"
  rate[$case]=$r; cpu[$case]=$c
done

echo
for pair in rabbit mqtt; do
  awk -v g="${rate[$pair-generated]}" -v c="${rate[$pair-conventional]}" -v gc="${cpu[$pair-generated]}" -v cc="${cpu[$pair-conventional]}" -v p="$pair" \
    'BEGIN { printf "%-8s generated/conventional: throughput x%.2f, CPU per message x%.2f\n", p, g / c, gc / cc }'
done
