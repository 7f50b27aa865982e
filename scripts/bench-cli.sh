#!/usr/bin/env bash
# Times of the command line (docs/BENCHMARKS.md, "Command-line import"), with the README's example file of five
# GitHub issues, on H2 in a data folder of its own:
#   - import dry run into a product that does not exist, on a database that exists already (schema and
#     administrator made by an earlier start);
#   - the real import creating its product (--create-product), on a copy of that database made before each run;
#   - the dry run on a fresh data folder (the first start: schema and administrator created too);
#   - plan and help, which start no application, for the JVM's share.
# Wall time and CPU time (user + sys) by hyperfine; the machine's load is printed before and after, since on a busy
# machine wall time is mostly waiting for a processor.
# Usage: scripts/bench-cli.sh [JAR]   (default target/priora.jar, after ./mvnw package -DskipTests)
#        RUNS=5 FIRST_RUNS=3 scripts/bench-cli.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/priora.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file=examples/github/issues.json
cli="java -jar $jar"
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) processors; idle: $(vmstat 5 2 | tail -1 | awk '{print $15}') %"; }
echo "$(java -version 2>&1 | head -1); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
load
# the base database: migrated, with its administrator, no product
$cli import github "$file" --product ACME --dry-run --priora.data-dir="$work/base" > /dev/null 2>&1
hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-markdown "$work/later.md" \
  -n "import dry run" "$cli import github $file --product ACME --dry-run --priora.data-dir=$work/base" \
  -n "plan (no application)" "$cli plan --nrp examples/nrp/small.txt --budget-ratio 0.3" \
  -n "help (JVM only)" "$cli help"
hyperfine -N --runs "${RUNS:-5}" --export-markdown "$work/real.md" \
  --prepare "sh -c 'rm -rf $work/run && cp -r $work/base $work/run'" \
  -n "import --create-product" \
  "$cli import github $file --create-product ACME --name Acme --priora.data-dir=$work/run"
hyperfine -N --runs "${FIRST_RUNS:-3}" --export-markdown "$work/first.md" --prepare "rm -rf $work/first" \
  -n "import dry run, first start" "$cli import github $file --product ACME --dry-run --priora.data-dir=$work/first"
cat "$work/later.md" "$work/real.md" "$work/first.md"
load
