#!/usr/bin/env bash
# Builds the benchmark module and runs Slipway, Flyway, Liquibase and plain JDBC side by side; writes
# docs/BENCHMARKS.md (or --out). Arguments go to dev.slipway.bench.BenchmarkRunner, e.g.
#   slipway-bench/run.sh --runs 5 --sizes 1000,5000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl slipway-bench -am package -DskipTests >&2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
exec java -cp "slipway-bench/target/slipway-bench-${version}.jar:slipway-bench/target/lib/*" \
    dev.slipway.bench.BenchmarkRunner "$@"
