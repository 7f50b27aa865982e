#!/usr/bin/env bash
# Feedback kinds on NLBSE'24 (docs/BENCHMARKS.md): per repository, the train split posted through the API with the
# kind set, the product's model learned, the test split classified; 10 and 30 labels per kind; speed.
# Usage: scripts/bench-kinds.sh [h2|postgres] [data folder, default ../shared/data/feedback/nlbse24]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.KindBenchmark "${1:-h2}" "${2:-../shared/data/feedback/nlbse24}" "${@:3}"
