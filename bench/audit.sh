#!/usr/bin/env bash
# audit-service: ingest rate vs bare receive+delete, filtered queries at 1 M rows, verify of 1 M rows.
# Usage: bench/audit.sh [ingestEvents=20000] [rows=1000000]   (BENCH_JVM="..." adds service JVM options, e.g. a JFR recording)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl local-launcher exec:java -Dexec.classpathScope=test -Dcellguard.home="$PWD" \
    -Dbench.jvm="${BENCH_JVM:-}" -Dexec.mainClass=dev.cellguard.launcher.bench.AuditBenchmark -Dexec.args="${1:-20000} ${2:-1000000}"
