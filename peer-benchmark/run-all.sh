#!/bin/sh
# The whole side-by-side benchmark, one run on this machine: this project's benchmarks on PostgreSQL and on embedded
# Derby (which write target/results/durable-workflow-{postgres,derby}.json), pgbench with the same database work,
# then DBOS and Flowable, whose run draws target/results/peers.png from every result file. About 30 minutes on
# 2 cores; run it with nothing else on the machine. PostgreSQL at 127.0.0.1:5432 (user postgres, database test), a
# JDK 21+ for the peers.
set -e
cd "$(dirname "$0")/.."
rm -f peer-benchmark/target/results/*.json
mvn verify -pl src-test -am -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='ThroughputBenchmark,TimeoutBenchmark,WaitingRunsBenchmark' | grep BENCHMARK
mvn verify -pl src-test -am -Dsurefire.failIfNoSpecifiedTests=false -Dbench.db=derby \
    -Dit.test='ThroughputBenchmark,TimeoutBenchmark,WaitingRunsBenchmark' | grep BENCHMARK
peer-benchmark/pgbench/run.sh 30
mvn -q -Ppeers -pl peer-benchmark verify -Dpeers=dbos,flowable -Dpeers.fillCapSeconds=240
echo "results and chart in peer-benchmark/target/results"
