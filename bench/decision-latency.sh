#!/usr/bin/env bash
# Signal received -> ARC update accepted through the orchestrator's decision path.
# Usage: bench/decision-latency.sh [iterations=300]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -pl failover-orchestrator -am
./mvnw -q -B -pl failover-orchestrator exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.cellguard.orchestrator.bench.DecisionLatencyBenchmark -Dexec.args="${1:-300}"
