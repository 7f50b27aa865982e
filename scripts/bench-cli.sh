#!/usr/bin/env bash
# Time of a command-line import dry run of the 5-issue example file (docs/BENCHMARKS.md), on an H2 database that
# exists already ("later run") and on a fresh data folder each time ("first run": schema and administrator created).
# Wall time and CPU time (user + sys) by hyperfine; the machine's load is printed before and after, since on a busy
# machine wall time is mostly waiting for a processor.
# Usage: scripts/bench-cli.sh [JAR…]   (default target/priora.jar, after ./mvnw package; several jars are compared)
set -euo pipefail
cd "$(dirname "$0")/.."
jars=("${@:-target/priora.jar}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file=examples/github/issues.json
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) processors; idle: $(vmstat 5 2 | tail -1 | awk '{print $15}') %"; }
load
later=()
first=()
for jar in "${jars[@]}"; do
  # older jars made the demo product SHOP on a first run; a dry run needs no product since issue 16
  java -jar "$jar" import github "$file" --product SHOP --dry-run --priora.data-dir="$work/later" > /dev/null 2>&1 || true
  later+=("java -jar $jar import github $file --product SHOP --dry-run --priora.data-dir=$work/later")
  first+=("java -jar $jar import github $file --product SHOP --dry-run --priora.data-dir=$work/first")
done
hyperfine -N --warmup 1 --runs "${RUNS:-5}" "${later[@]}"
hyperfine -N --runs "${FIRST_RUNS:-3}" --prepare "rm -rf $work/first" "${first[@]}"
load
