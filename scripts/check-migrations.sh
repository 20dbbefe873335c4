#!/usr/bin/env bash
# Fails when the model and either provider's migrations disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations has-pending-model-changes --no-build --configuration "${CONFIGURATION:-Debug}" \
    --project "src/CommonThread.Migrations.$provider" \
    --startup-project src/CommonThread.Web \
    -- --Database:Provider="$provider" --Database:ConnectionString="$( [ "$provider" = Sqlite ] && echo 'Data Source=design.db' || echo 'Host=127.0.0.1;Database=design' )"
done
