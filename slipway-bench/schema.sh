#!/usr/bin/env bash
# Builds the benchmark module, then measures schema introspection and comparison on two generated databases of many
# tables, each run in a fresh JVM capped at 512 MB; prints Markdown lines. Arguments go to
# dev.slipway.bench.SchemaBenchmark, e.g.
#   slipway-bench/schema.sh --tables 2000 --runs 5 --pg 15
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl slipway-bench -am package -DskipTests >&2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
exec java -cp "slipway-bench/target/slipway-bench-${version}.jar:slipway-bench/target/lib/*" \
    dev.slipway.bench.SchemaBenchmark "$@"
