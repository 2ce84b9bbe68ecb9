#!/usr/bin/env bash
# Soak: the sample server under a mixed load for a long time, with its memory, file descriptors and threads watched.
#
#   bash benchmarks/load/soak.sh                    # 600 s (DURATION), the default
#   DURATION=60 bash benchmarks/load/soak.sh        # the short form CI runs
#   CONNECTIONS=64 WORKERS=2 PORT=18090 INTERVAL=2 WARMUP=60 ORDERS_PER_SECOND=20 bash benchmarks/load/soak.sh
#   SKIP_BUILD=1 ...                                # use the Release build already there (CI builds first)
#
# The load (benchmarks/load/SoakClient): CONNECTIONS keep-alive connections, half the writes one request and half
# 2–8 pipelined, mixing GET /plaintext, GET /users/{n}, misses (404), a wrong method (405), POST /orders with
# X-Tenant and a valid JSON body (201; paced at ORDERS_PER_SECOND, since the sample's in-memory store keeps every
# order), invalid orders (400 with the field), orders without X-Tenant (401), malformed JSON (400), and 2 KiB
# POST /echo bodies (the same bytes back). Every answer is checked against its request; now and then a connection
# is closed and another opened.
#
# Every INTERVAL seconds the server's RSS, open file descriptors and threads are read from /proc. It fails (exit 1,
# with the reason) unless:
#   - every answer was the expected one (the client's count of unexpected answers is 0);
#   - RSS after the warm-up (WARMUP s, default DURATION/5 up to 60) never exceeds the sample at its end by 10 % or more;
#   - threads after the warm-up never exceed the count at its end by more than max(2, 10 %);
#   - open file descriptors (not counting the .dll files the runtime maps once, on first use) are back to the count
#     before the load within 10 s after it (connections all closed);
#   - the server still answers GET /plaintext and GET /users/7 correctly afterwards.
# The samples are written to $OUT (default /tmp/hyperroute-soak.csv).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${DURATION:-600}"
warmup="${WARMUP:-$(( duration / 5 > 60 ? 60 : duration / 5 ))}"
interval="${INTERVAL:-2}"
connections="${CONNECTIONS:-32}"
port="${PORT:-18090}"
orders="${ORDERS_PER_SECOND:-20}"
workers="${WORKERS:-$(( $(nproc) > 1 ? $(nproc) - 1 : 1 ))}"
out="${OUT:-/tmp/hyperroute-soak.csv}"
server_dll="$root/samples/HyperRoute.Samples.Api/bin/Release/net10.0/HyperRoute.Samples.Api.dll"
client_dll="$root/benchmarks/load/SoakClient/bin/Release/net10.0/SoakClient.dll"

fail() { echo "SOAK FAILED: $*"; exit 1; }

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "Building (Release)..."
  dotnet build "$root/samples/HyperRoute.Samples.Api" -c Release -v q -nologo >/dev/null || fail "the sample did not build"
  dotnet build "$root/benchmarks/load/SoakClient" -c Release -v q -nologo >/dev/null || fail "the soak client did not build"
fi

server_pid=""
client_pid=""
cleanup() {
  [[ -n "$client_pid" ]] && kill "$client_pid" 2>/dev/null
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null
  wait 2>/dev/null || true
}
trap cleanup EXIT

dotnet "$server_dll" --port "$port" --workers "$workers" >/tmp/hyperroute-soak-server.log 2>&1 &
server_pid=$!

answers() {
  [[ "$(curl -fs --max-time 5 "http://127.0.0.1:$port/plaintext")" == "Hello, World!" ]] &&
    [[ "$(curl -fs --max-time 5 "http://127.0.0.1:$port/users/7")" == '{"id":7}' ]]
}
for _ in $(seq 1 100); do answers && break; sleep 0.1; done
answers || fail "the server on port $port did not start (see /tmp/hyperroute-soak-server.log)"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$server_pid/status"; }
# Open descriptors other than the assemblies the runtime maps on first use (those open once, never per request):
# sockets, pipes, epoll and event descriptors, log files.
fds() { find "/proc/$server_pid/fd" -mindepth 1 -printf '%l\n' 2>/dev/null | grep -vc '\.dll$'; }

# A short priming run first (its answers checked too): the runtime loads what each route needs (System.Text.Json,
# ...) on first use, and those mapped files are not the load's. The baseline is taken once the fds settle after it.
dotnet "$client_dll" --port "$port" --seconds 2 --connections 4 --orders-per-second 1 >/tmp/hyperroute-soak-prime.log 2>&1 ||
  { cat /tmp/hyperroute-soak-prime.log; fail "the priming run saw unexpected answers"; }
previous=-1
for _ in $(seq 1 50); do current="$(fds)"; [[ "$current" == "$previous" ]] && break; previous="$current"; sleep 0.2; done
base_fds="$(fds)"; base_threads="$(threads)"; base_rss="$(rss_kb)"
echo "soak: ${duration} s, warm-up ${warmup} s, ${connections} connections, ${workers} workers, samples every ${interval} s to $out"
echo "before the load (after priming): RSS ${base_rss} KiB, ${base_fds} fds, ${base_threads} threads"

client_log="$(mktemp)"
dotnet "$client_dll" --port "$port" --seconds "$duration" --connections "$connections" --orders-per-second "$orders" >"$client_log" 2>&1 &
client_pid=$!

echo "seconds,rss_kb,fds,threads" >"$out"
start=$SECONDS
while kill -0 "$client_pid" 2>/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited during the load (see /tmp/hyperroute-soak-server.log)"
  echo "$((SECONDS - start)),$(rss_kb),$(fds),$(threads)" >>"$out"
  sleep "$interval"
done
wait "$client_pid"; client_status=$?
client_pid=""
cat "$client_log"

# After the load: every connection closed, so the descriptors return to where they were (bounded wait).
after_fds="$(fds)"
for _ in $(seq 1 100); do after_fds="$(fds)"; [[ "$after_fds" -le "$base_fds" ]] && break; sleep 0.1; done

read -r warm_rss warm_threads max_rss max_threads max_fds samples <<<"$(awk -F, -v w="$warmup" '
  NR > 1 && $1 >= w { if (!n++) { r0 = $2; t0 = $4 } if ($2 > mr) mr = $2; if ($4 > mt) mt = $4; if ($3 > mf) mf = $3 }
  END { print r0 + 0, t0 + 0, mr + 0, mt + 0, mf + 0, n + 0 }' "$out")"

printf '%-22s %12s %8s %8s\n' "" "RSS KiB" "fds" "threads"
printf '%-22s %12s %8s %8s\n' "before the load" "$base_rss" "$base_fds" "$base_threads"
printf '%-22s %12s %8s %8s\n' "end of warm-up" "$warm_rss" "" "$warm_threads"
printf '%-22s %12s %8s %8s\n' "max after warm-up" "$max_rss" "$max_fds" "$max_threads"
printf '%-22s %12s %8s %8s\n' "after the load" "$(rss_kb)" "$after_fds" "$(threads)"
awk -v a="$warm_rss" -v b="$max_rss" 'BEGIN { printf "RSS growth after warm-up: %.1f %% (limit 10 %%)\n", (a > 0 ? (b - a) * 100 / a : 0) }'

problems=()
[[ "$client_status" -eq 0 ]] || problems+=("the client saw unexpected answers or could not connect (exit $client_status; see above)")
[[ "$samples" -ge 2 ]] || problems+=("only $samples samples after the warm-up: DURATION must be well over WARMUP")
awk -v a="$warm_rss" -v b="$max_rss" 'BEGIN { exit !(a > 0 && b < a * 1.10) }' || problems+=("RSS grew from $warm_rss KiB at the end of the warm-up to $max_rss KiB (10 % or more)")
thread_limit=$(( warm_threads + (warm_threads / 10 > 2 ? warm_threads / 10 : 2) ))
[[ "$max_threads" -le "$thread_limit" ]] || problems+=("threads grew from $warm_threads at the end of the warm-up to $max_threads (limit $thread_limit)")
[[ "$after_fds" -le "$base_fds" ]] || problems+=("$after_fds file descriptors open 10 s after the load, $base_fds before it")
answers || problems+=("the server does not answer correctly after the load")

if (( ${#problems[@]} > 0 )); then
  for p in "${problems[@]}"; do echo "SOAK FAILED: $p"; done
  exit 1
fi
echo "SOAK PASSED"
