#!/usr/bin/env bash
# Makes the signing key pair for the compose stack's APIs (outside Git: .cellguard/jwt/), and
# prints short-lived tokens for each role. The services get only the public key.
# Usage: deploy/compose/jwt-keys.sh [hours=12]
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=.cellguard/jwt
issuer=https://cellguard.dev/local
mkdir -p "$dir" && chmod 700 "$dir"
if [ ! -f "$dir/private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  chmod 600 "$dir/private.pem"
fi
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() {
  local now header payload sig
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
  payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$issuer" "local-$1" "local-$1" "$1" "$now" "$((now + ${2} * 3600))" | b64)
  sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$dir/private.pem" | b64)
  printf '%s.%s.%s' "$header" "$payload" "$sig"
}
hours=${1:-12}
for role in viewer operator admin auditor; do
  printf 'export %s_TOKEN=%s\n' "$(echo "$role" | tr '[:lower:]' '[:upper:]')" "$(token "$role" "$hours")"
done
