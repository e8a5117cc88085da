#!/usr/bin/env bash
# Builds the benchmark module, then runs one backfill migration (the same file) with Slipway, Flyway and Liquibase
# while a writer updates random rows, and prints Markdown: durations and how long the writer waited. Arguments go to
# dev.slipway.bench.BackfillBenchmark, e.g.
#   slipway-bench/backfill.sh --rows 1000000 --batch 10000 --runs 3 --pg 15
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl slipway-bench -am package -DskipTests >&2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
exec java -cp "slipway-bench/target/slipway-bench-${version}.jar:slipway-bench/target/lib/*" \
    dev.slipway.bench.BackfillBenchmark "$@"
