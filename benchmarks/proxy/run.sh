#!/usr/bin/env bash
# The reverse-proxy race: one nginx backend (GET / answers the 13-byte "Hello, World!"), and in front of it, in
# turn, the HyperRoute proxy sample, nginx (1 worker, upstream keepalive), HAProxy (1 thread, http-reuse always)
# and YARP 2.3.0 on Kestrel. Each is measured by wrk -t1 -c64 in the same run: requests/s, p99, and the proxy's
# CPU time per request (user + system from /proc/<pid>/stat). Then a 1 MiB response through each proxy: requests/s,
# MB/s and the proxy's resident memory before, after, and after the same load once more (flat memory does not grow).
#
#   bash benchmarks/proxy/run.sh                      # 10 s per run after a 3 s warm-up
#   DURATION=3 WARMUP=1 bash benchmarks/proxy/run.sh  # a smoke run
#   PROXIES="hyperroute nginx" bash benchmarks/proxy/run.sh
#
# nginx and HAProxy are installed with apt-get when missing; YARP comes from the package feed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
duration="${DURATION:-10}"
warmup="${WARMUP:-3}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-1}"
backend_port="${BACKEND_PORT:-9101}"
proxy_port="${PROXY_PORT:-8090}"
proxies=(${PROXIES:-hyperroute nginx haproxy yarp})
source "$root/benchmarks/load/lib.sh"

install() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]}..."
    apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
  fi
}
install wrk nginx haproxy

work="$(mktemp -d /tmp/hyperroute-proxy-bench.XXXXXX)"
head -c 1048576 /dev/urandom >"$work/1mb"
chmod 755 "$work" && chmod 644 "$work/1mb" # nginx's workers run as www-data
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

config() { sed -e "s#__DIR__#$work#g" -e "s#__PORT__#$2#g" -e "s#__BACKEND__#$backend_port#g" "$here/$1" >"$work/$1"; }

wait_port() {
  for _ in $(seq 1 150); do
    if curl -fs "http://127.0.0.1:$1/" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "nothing answers on port $1" >&2
  exit 1
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

echo "Building (Release)..."
dotnet build "$root/samples/HyperRoute.Samples.Proxy" -c Release -v q -nologo >/dev/null
dotnet build "$here/YarpPeer" -c Release -v q -nologo >/dev/null

config nginx-backend.conf "$backend_port"
nginx -c "$work/nginx-backend.conf" -p "$work" &
pids+=($!)
wait_port "$backend_port"

start_proxy() {
  case "$1" in
    hyperroute)
      dotnet "$root/samples/HyperRoute.Samples.Proxy/bin/Release/net10.0/HyperRoute.Samples.Proxy.dll" \
        --port "$proxy_port" --backend "127.0.0.1:$backend_port" --workers 1 >"$work/hyperroute.log" 2>&1 & ;;
    nginx)
      config nginx-proxy.conf "$proxy_port"
      nginx -c "$work/nginx-proxy.conf" -p "$work" & ;;
    haproxy)
      config haproxy.cfg "$proxy_port"
      haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 & ;;
    yarp)
      dotnet "$here/YarpPeer/bin/Release/net10.0/YarpPeer.dll" --port "$proxy_port" --backend "127.0.0.1:$backend_port" >"$work/yarp.log" 2>&1 & ;;
  esac
  proxy_pid=$!
  pids+=("$proxy_pid")
  wait_port "$proxy_port"
  # nginx serves from the worker its master forked: that process's CPU and memory are the proxy's.
  cpu_pid="$proxy_pid"
  if [ "$1" = nginx ]; then cpu_pid="$(pgrep -P "$proxy_pid" | head -1)"; fi
  local size
  size="$(curl -fs "http://127.0.0.1:$proxy_port/1mb" | wc -c)"
  if [ "$size" -ne 1048576 ]; then echo "$1: GET /1mb returned $size bytes, not 1048576" >&2; exit 1; fi
}

stop_proxy() {
  kill "$proxy_pid" 2>/dev/null || true
  wait "$proxy_pid" 2>/dev/null || true
  sleep 0.5
}

declare -A rps p99 cpu big_rps big_mbs rss_before rss_after rss_again
for proxy in "${proxies[@]}"; do
  echo "== $proxy"
  start_proxy "$proxy"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "http://127.0.0.1:$proxy_port/" >/dev/null
  read -r r _ _ p c <<<"$(measure "http://127.0.0.1:$proxy_port/" "$duration" "$cpu_pid")"
  rps[$proxy]=$r; p99[$proxy]=$p; cpu[$proxy]=$c
  rss_before[$proxy]=$(rss_kb "$cpu_pid")
  out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" "http://127.0.0.1:$proxy_port/1mb")"
  big_rps[$proxy]="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  big_mbs[$proxy]="$(awk '/Transfer\/sec/ {v=$2; if (v ~ /GB$/) {sub(/GB/,"",v); v*=1024} else if (v ~ /KB$/) {sub(/KB/,"",v); v/=1024} else sub(/MB/,"",v); print v}' <<<"$out")"
  rss_after[$proxy]=$(rss_kb "$cpu_pid")
  # The same load again: memory that stays flat does not grow a second time.
  wrk -t"$threads" -c"$connections" -d"${duration}s" "http://127.0.0.1:$proxy_port/1mb" >/dev/null
  rss_again[$proxy]=$(rss_kb "$cpu_pid")
  stop_proxy
done

echo
echo "GET / (13-byte body) through each proxy: wrk -t$threads -c$connections -d${duration}s, same nginx backend"
printf "%-11s %12s %10s %16s %12s %12s\n" proxy "req/s" "p99 ms" "CPU us/request" "vs nginx" "CPU vs nginx"
for proxy in "${proxies[@]}"; do
  ratio="-"; cpu_ratio="-"
  if [ -n "${rps[nginx]:-}" ]; then
    ratio="$(awk -v a="${rps[$proxy]}" -v b="${rps[nginx]}" 'BEGIN { printf "%.2fx", a / b }')"
    cpu_ratio="$(awk -v a="${cpu[$proxy]}" -v b="${cpu[nginx]}" 'BEGIN { printf "%.2fx", a / b }')"
  fi
  printf "%-11s %12s %10s %16s %12s %12s\n" "$proxy" "${rps[$proxy]}" "${p99[$proxy]}" "${cpu[$proxy]}" "$ratio" "$cpu_ratio"
done

echo
echo "GET /1mb (1 MiB body) through each proxy: wrk -t$threads -c$connections -d${duration}s"
printf "%-11s %12s %10s %16s %16s %18s\n" proxy "req/s" "MB/s" "RSS before KiB" "RSS after KiB" "after again KiB"
for proxy in "${proxies[@]}"; do
  printf "%-11s %12s %10s %16s %16s %18s\n" "$proxy" "${big_rps[$proxy]}" "${big_mbs[$proxy]}" "${rss_before[$proxy]}" "${rss_after[$proxy]}" "${rss_again[$proxy]}"
done
