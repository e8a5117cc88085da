#!/usr/bin/env bash
# Builds the command line and the benchmark module, then lints the same generated files with Slipway and squawk and
# writes the Lint section of docs/BENCHMARKS.md (or --out). squawk comes from `npm install squawk-cli@2.63.0`, run in
# a folder outside the repository; pass its binary, e.g.
#   slipway-bench/lint.sh --squawk /work/squawk/node_modules/@squawk-cli/linux-x64/bin/squawk --runs 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl slipway-cli,slipway-bench -am package -DskipTests >&2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
exec java -cp "slipway-bench/target/slipway-bench-${version}.jar:slipway-bench/target/lib/*" \
    dev.slipway.bench.LintBenchmark --slipway-jar slipway-cli/target/slipway.jar "$@"
