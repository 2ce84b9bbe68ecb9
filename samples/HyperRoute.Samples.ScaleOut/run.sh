#!/usr/bin/env bash
# The scale-out sample with 1, 2 and 3 router processes: starts the brokers (.ci/brokers.sh), builds, and runs each,
# printing the books and messages/s; exits non-zero if any run's books do not balance.
#   samples/HyperRoute.Samples.ScaleOut/run.sh [messages]      (default 10,000 per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
bash .ci/brokers.sh start >/dev/null
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build samples/HyperRoute.Samples.ScaleOut -c Release -v quiet -nologo >/dev/null
status=0
for instances in 1 2 3; do
  dotnet samples/HyperRoute.Samples.ScaleOut/bin/Release/net10.0/HyperRoute.Samples.ScaleOut.dll "$instances" "${1:-10000}" || status=1
done
exit $status
