# Shared by the load scripts: wait for a server, measure it with wrk, read its CPU time from /proc.
# Expects $threads and $connections to be set by the caller; $wrk_prefix (e.g. "taskset -c 0") runs wrk pinned.

wait_for() {
  for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$1/plaintext" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2
  exit 1
}

# Runs wrk against $1 for $2 seconds (extra wrk arguments after) while reading the CPU time of process $3;
# prints: requests/s p50 p90 p99 (ms) CPU-microseconds-per-request
measure() {
  local url="$1" seconds="$2" pid="$3"
  shift 3
  local before after out
  before="$(cpu_ticks "$pid")"
  out="$(${wrk_prefix:-} wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$url" "$@")"
  after="$(cpu_ticks "$pid")"
  local rps p50 p90 p99 requests
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p90="$(awk '$1=="90%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  echo "$rps $(to_ms "$p50") $(to_ms "$p90") $(to_ms "$p99") $(awk -v t="$((after - before))" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t * 1e6 / hz / n }')"
}

# user + system CPU ticks of a process
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else print v }'
}
