#!/usr/bin/env bash
# Time from `java -jar target/priora.jar` to the first answered request, on a fresh H2 database (first start,
# so it includes creating the schema, the administrator and the demo product) and on a second start.
# Usage: scripts/bench-startup.sh   (after ./mvnw package)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=18080
measure() {
  local start end
  start=$(date +%s%N)
  PRIORA_DATA_DIR="$data" PORT=$port java -jar target/priora.jar > "$data/log.txt" 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" > /dev/null; do sleep 0.05; done
  end=$(date +%s%N)
  echo "$1: $(( (end - start) / 1000000 )) ms to the first answered request"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
measure "first start (empty database)"
measure "second start"
rm -rf "$data"
