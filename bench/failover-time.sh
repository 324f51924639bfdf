#!/usr/bin/env bash
# Fault -> routing flipped in the whole local stack, against the probes' detection window.
# Usage: bench/failover-time.sh [runs=8] [probeIntervalMs=500] [failureThreshold=3]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl local-launcher exec:java -Dexec.classpathScope=test -Dcellguard.home="$PWD" \
    -Dexec.mainClass=dev.cellguard.launcher.bench.FailoverTimeBenchmark -Dexec.args="${1:-8} ${2:-500} ${3:-3}"
