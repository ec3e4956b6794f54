# A domain for the sample WAR on PostgreSQL, run by make-domain.sh with $ASADMIN the running domain's asadmin: the
# sample's executor, and jdbc/__default on a PostgreSQL pool whose url is read from the environment variable DB_URL
# when the domain starts (Payara's ${ENV=...}), so that each start may name another schema. The driver is in the
# domain's lib (make-domain.sh). EJB timers stay in the domain's own H2 (jdbc/__TimerPool). PostgreSQL trusts local
# connections, but Payara refuses a pool without a password property.
set -e
$ASADMIN create-managed-executor-service --corepoolsize 8 --maximumpoolsize 8 concurrent/durableWorkflow
$ASADMIN create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource --property "user=postgres:password=unused" SamplePool
$ASADMIN set 'resources.jdbc-connection-pool.SamplePool.property.url=${ENV=DB_URL}'
$ASADMIN set resources.jdbc-resource.jdbc/__default.pool-name=SamplePool
