#!/usr/bin/env bash
# The in-app planner's model on every NRP instance at ratios 0.3/0.5/0.7, split into releases (docs/BENCHMARKS.md).
# Usage: scripts/bench-plan-releases.sh [releases] [discount] [time-limit-seconds] [instance ...]
#   e.g. scripts/bench-plan-releases.sh 1 0 30        the plain NRP, 30 s each
#        scripts/bench-plan-releases.sh 3 0.1 60      three releases, 10 % discount per release, 60 s each
#        scripts/bench-plan-releases.sh 3 0.1 60 classic/nrp1 realistic/nrp-e1
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
releases="${1:-1}"; discount="${2:-0}"; limit="${3:-30}"; shift $(( $# < 3 ? $# : 3 ))
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.ReleasesBenchmark "$releases" "$discount" "$limit" ../shared/data/nrp "$@"
