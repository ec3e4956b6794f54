#!/bin/sh
# The whole side-by-side benchmark, one run on this machine: this project's benchmarks on PostgreSQL and on embedded
# Derby (which write target/results/durable-workflow-{postgres,derby}.json), pgbench with the same database work
# before them and again after, then DBOS and Flowable, whose run draws target/results/peers.png from every result
# file. 20 to 35 minutes on 2 cores; run it with nothing else on the machine. PostgreSQL at 127.0.0.1:5432 (user
# postgres, database test), a JDK 21+ for every engine.
set -e
cd "$(dirname "$0")/.."

# Every engine runs on the same JVM with the same flags: the newest JDK installed (21 or later; PEER_JAVA_HOME
# chooses another), as the peers' Maven toolchain picks it, with JVM_FLAGS.
JVM_FLAGS="-Xmx2g -XX:+UseG1GC"
if [ -z "$PEER_JAVA_HOME" ]; then
    newest=0
    for java in /usr/lib/jvm/*/bin/java; do
        version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ "${version%%.*}" -gt "$newest" ] 2>/dev/null; then newest=${version%%.*}; PEER_JAVA_HOME=${java%/bin/java}; fi
    done
    [ "$newest" -ge 21 ] || { echo "no JDK 21 or later under /usr/lib/jvm; set PEER_JAVA_HOME" >&2; exit 1; }
fi
echo "every engine on $PEER_JAVA_HOME with $JVM_FLAGS"

rm -f peer-benchmark/target/results/*.json
# pgbench right before this project's benchmarks and again right before the peers': the machine's speed can drift
# in the half hour between, and pgbench.json then keeps both rates (complete_per_s_earlier, complete_per_s).
peer-benchmark/pgbench/run.sh 30
# This project's servers run only the features the library needs (-Dbench.features=library): the sample's
# MicroProfile Health and OpenAPI are left out, as the peers' processes serve neither.
# On PostgreSQL also the statements per workflow, from PostgreSQL's statement log (PostgresRoundTripsBenchmark), as
# the peers' run counts theirs.
for db in postgres derby; do
    tests='ThroughputBenchmark,TimeoutBenchmark,WaitingRunsBenchmark'
    [ $db = postgres ] && tests="PostgresRoundTripsBenchmark,$tests"
    mvn verify -pl src-test -am -Dsurefire.failIfNoSpecifiedTests=false -Dbench.db=$db \
        -Dfailsafe.runOrder=alphabetical -Dbench.features=library \
        -Dserver.java.home="$PEER_JAVA_HOME" -Dserver.jvm.args="$JVM_FLAGS" \
        -Dit.test="$tests" | grep BENCHMARK
done
peer-benchmark/pgbench/run.sh 30
mvn -q -Ppeers -pl peer-benchmark verify -Dpeers=dbos,flowable -Dpeers.fillCapSeconds=360 \
    -Dpeers.jvm="$JVM_FLAGS -Djava.awt.headless=true"
echo "results and chart in peer-benchmark/target/results"
