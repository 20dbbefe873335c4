#!/usr/bin/env bash
# The full test suite, from a fresh machine: installs PostgreSQL and Chromium, starts PostgreSQL,
# builds once, checks both providers' migrations against the model, runs every test project, then the
# multi-node failover check (deploy/), and ends with one line "N passed, N failed".
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
# xunit v3 test projects are executables: run each in its output folder, results as xUnit XML.
# Browser flows share one app and one Chromium on two cores: they run one at a time, so one flow's
# busy moment (an import job) never pushes another past Playwright's timeouts.
for project in CommonThread.Matching.Tests CommonThread.XlsForm.Tests CommonThread.Tests CommonThread.BrowserTests; do
  parallel=$([ "$project" = CommonThread.BrowserTests ] && echo none || echo collections)
  (cd "tests/$project/bin/Release/net10.0" && dotnet "$project.dll" -noColor -parallel "$parallel" -xml "$results/$project.xml") || status=1
done

passed=0; failed=0
for xml in "$results"/*.xml; do
  [ -f "$xml" ] || continue
  for attr in $(grep -o '<assembly [^>]*>' "$xml" | grep -o ' \(passed\|failed\|errors\)="[0-9]*"' | tr -d ' "'); do
    case "$attr" in
      passed=*) passed=$((passed + ${attr#passed=})) ;;
      failed=*|errors=*) failed=$((failed + ${attr#*=})) ;;
    esac
  done
done
[ "$passed" -gt 0 ] || status=1
# Name each failed test last, with the start of its message, where a CI log that keeps only its tail still shows
# which one it was and why (perl: always on Debian, unlike an XML tool).
for xml in "$results"/*.xml; do
  [ -f "$xml" ] || continue
  perl -0777 -ne 'while (/<test ([^>]*result="Fail"[^>]*)>(.*?)<\/test>/sg) { my ($attrs, $body) = ($1, $2); my ($name) = $attrs =~ / name="([^"]*)"/;
    my ($message) = $body =~ /<message>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/message>/s; $message //= ""; $message = substr($message, 0, 1500);
    print "FAILED: $name\n  $message\n" }' "$xml" || true
done
# The multi-node topology on loopback (deploy/): two nodes behind nginx, a PostgreSQL primary and its replica;
# one node killed and restarted, the other drained, the primary failed over, with traffic throughout (~4 min).
export CT_TOPOLOGY="$root/artifacts/topology"
rm -rf "$CT_TOPOLOGY"
if CT_NODE_SETTINGS="RateLimits__IntakeBurstPerChannel=100000 RateLimits__IntakePerHourPerChannel=100000" bash deploy/topology.sh up 2 \
  && python3 deploy/failover-check.py; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
  echo "FAILED: deploy/failover-check.py (node, nginx and PostgreSQL logs in $CT_TOPOLOGY)"
fi
bash deploy/topology.sh down || true
echo "$passed passed, $failed failed"
exit $status
