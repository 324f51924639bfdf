#!/usr/bin/env bash
# Cost of one readiness sweep of N resources x 2 cells, and the probe concurrency reached.
# Usage: bench/readiness-sweep.sh [resources=500] [targetLatencyMs=5] [poolSize=64] [sweeps=15]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -pl readiness-monitor -am
./mvnw -q -B -pl readiness-monitor exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.cellguard.monitor.bench.ReadinessSweepBenchmark \
    -Dexec.args="${1:-500} ${2:-5} ${3:-64} ${4:-15}"
