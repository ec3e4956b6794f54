# The H2 domain's configuration (configure.sh), with jdbc/__default on PostgreSQL instead: a pool in the schema the
# build makes for the suite. The driver is in the domain's lib (make-domain.sh). EJB timers stay in the domain's own
# H2 (jdbc/__TimerPool). PostgreSQL trusts local connections, but Payara refuses a pool without a password property.
set -e
sh "$(dirname "$0")/configure.sh"
$ASADMIN create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource \
    --property "serverName=127.0.0.1:portNumber=5432:databaseName=test:user=postgres:password=unused:currentSchema=${PG_SCHEMA}" \
    PostgresPool
$ASADMIN set resources.jdbc-resource.jdbc/__default.pool-name=PostgresPool
