#!/usr/bin/env bash
# Adds a migration with the same name to both providers' assemblies, generated from the model.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/CommonThread.Migrations.$provider" \
    --startup-project src/CommonThread.Web \
    --output-dir Migrations \
    -- --Database:Provider="$provider" --Database:ConnectionString="$( [ "$provider" = Sqlite ] && echo 'Data Source=design.db' || echo 'Host=127.0.0.1;Database=design' )"
done
