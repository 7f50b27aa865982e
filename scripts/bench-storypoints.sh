#!/usr/bin/env bash
# Suggested-estimate quality (docs/BENCHMARKS.md): the JIRA Software story points of ../shared/data/storypoints, train and
# validation rows imported as finished items, a suggestion asked for each test row; MAE and MdAE against the median.
# Skips when the data is absent. --tune first ranks the engine's parameters by leave-one-out on train + validation.
# Usage: scripts/bench-storypoints.sh [csv] [h2|postgres] [--tune]
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.StoryPointBenchmark "$@"
