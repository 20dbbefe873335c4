#!/usr/bin/env bash
# The full test suite, from a fresh machine: installs PostgreSQL and Chromium, starts PostgreSQL,
# builds once, checks both providers' migrations against the model, runs every test project, and
# ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

bash scripts/install-test-dependencies.sh
CT_TEST_POSTGRES=$(bash scripts/start-postgres.sh)
export CT_TEST_POSTGRES
export CT_CHROMIUM=${CT_CHROMIUM:-$(command -v chromium)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore >/dev/null
dotnet build CommonThread.slnx -c Release -nologo -clp:ErrorsOnly
CONFIGURATION=Release bash scripts/check-migrations.sh

status=0
for project in tests/CommonThread.Tests tests/CommonThread.BrowserTests; do
  name=$(basename "$project")
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
[ "$passed" -gt 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
