#!/usr/bin/env bash
# Builds what is needed, then runs the whole of cellguard on this machine: embedded SQS and
# PostgreSQL 17, the local ARC (five endpoints), two demo cells and the three services.
# Needs only JDK 17. Ctrl-C stops everything and frees every port.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building cellguard (the first build downloads dependencies and takes a few minutes) ..."
./mvnw -q -B package -DskipTests
exec java -Dcellguard.home="$PWD" -jar local-launcher/target/local-launcher.jar "$@"
