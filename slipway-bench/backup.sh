#!/usr/bin/env bash
# Builds the command line and the benchmark module, then backs up and restores a pgbench database with Slipway's
# launcher and with the bare pg_dump / pg_restore, and writes the "Backup and restore" section of docs/BENCHMARKS.md
# (or --out). Options: --scale 70 --runs 5 --jobs 2 --pg 15. Run it on a quiet machine: the overhead is a ratio of
# wall times.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl slipway-cli,slipway-bench -am package -DskipTests >&2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
exec java -cp "slipway-bench/target/slipway-bench-${version}.jar:slipway-bench/target/lib/*" \
    dev.slipway.bench.BackupBenchmark --slipway ./slipway "$@"
