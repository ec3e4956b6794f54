#!/bin/sh
# The database's own limit for this workload: pgbench runs the order workflow's database work (order-workflow.sql:
# 2 transactions, 8 rows inserted, 4 updated) from 16 clients, with no engine and no HTTP in between.
# One pgbench "transaction" is one whole workflow, so its tps is workflows per second.
# Usage: peer-benchmark/pgbench/run.sh [seconds]   (PostgreSQL at 127.0.0.1:5432, user postgres, database test)
set -e
cd "$(dirname "$0")"
seconds=${1:-30}
mkdir -p ../target/results
export PGOPTIONS="-c search_path=pgbench_order"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA IF NOT EXISTS pgbench_order"
psql -q -h 127.0.0.1 -U postgres -d test -f schema.sql 2>/dev/null
pgbench -h 127.0.0.1 -U postgres -n -c 16 -j 2 -T "$seconds" -f order-workflow.sql test | tee ../target/pgbench-order.txt
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' ../target/pgbench-order.txt)
mkdir -p ../target/results
# A second run in the same benchmark keeps the first's rate beside its own: the machine's speed can drift between.
earlier=$(sed -n 's/^  "complete_per_s": \([0-9.]*\),$/\1/p' ../target/results/pgbench.json 2>/dev/null || true)
printf '{\n  "peer": "pgbench",\n  "version": "%s",\n  "complete_per_s": %s,%s\n  "commits_per_workflow": 2,\n  "rows_written_per_workflow": 12\n}\n' \
  "$(pgbench --version | sed 's/pgbench (PostgreSQL) //')" "$tps" \
  "${earlier:+
  \"complete_per_s_earlier\": $earlier,}" > ../target/results/pgbench.json
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA pgbench_order CASCADE"
echo "workflows per second at the database's limit: $tps"
