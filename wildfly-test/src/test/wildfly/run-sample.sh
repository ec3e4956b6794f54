#!/bin/sh
# Runs the sample WAR on the unpacked and configured WildFly, in the foreground (Ctrl-C stops it), on a base
# directory of its own (target/sample-node) so that the test servers' data is not touched. Kept between runs: its
# timers and, on PostgreSQL, its runs outlive a restart. Set by the build (profile wildfly-sample):
#   JBOSS_HOME, SAMPLE_WAR, SAMPLE_BASE, SAMPLE_DB (h2 or postgres), SAMPLE_PORT_OFFSET
# DB_URL and DB_USER (PostgreSQL only) are read by the data source PostgresDS when set.
set -e
mkdir -p "$SAMPLE_BASE/deployments"
if [ ! -f "$SAMPLE_BASE/configuration/standalone.xml" ]; then
    cp -r "$JBOSS_HOME/standalone/configuration" "$SAMPLE_BASE/"
fi
cp "$SAMPLE_WAR" "$SAMPLE_BASE/deployments/ROOT.war"
case "$SAMPLE_DB" in
    h2) ;; # ExampleDS, in memory: the runs go with the server
    postgres) export DEFAULT_DATASOURCE=java:jboss/datasources/PostgresDS ;;
    *) echo "sample.db is h2 or postgres, not $SAMPLE_DB" >&2; exit 2 ;;
esac
# the sample names Liberty's executor; WildFly's bounded one (configure.cli) is bound here
export DURABLE_WORKFLOW_EXECUTOR=java:jboss/ee/concurrency/executor/durableWorkflow
exec "$JBOSS_HOME/bin/standalone.sh" -c standalone.xml -Djboss.server.base.dir="$SAMPLE_BASE" \
    -Djboss.node.name=sample -Djboss.socket.binding.port-offset="$SAMPLE_PORT_OFFSET"
