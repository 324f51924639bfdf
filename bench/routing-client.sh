#!/usr/bin/env bash
# Update latency through the routing-control client: healthy, 4 of 5 endpoints refusing,
# 2 of 5 blackholed. Usage: bench/routing-client.sh [updates=300] [attemptTimeoutMs=250]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -pl failover-orchestrator -am
./mvnw -q -B -pl failover-orchestrator exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.cellguard.orchestrator.bench.RoutingClientBenchmark -Dexec.args="${1:-300} ${2:-250}"
