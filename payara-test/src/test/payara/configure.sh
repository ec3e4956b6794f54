# What the tests' applications need from a Payara domain beyond create-domain's defaults, run by make-domain.sh with
# $ASADMIN the running domain's asadmin. The data source stays jdbc/__default on the domain's H2.
set -e

# Workflow executions of the test applications, bounded as on Liberty (8 threads), under Liberty's JNDI name
$ASADMIN create-managed-executor-service --corepoolsize 8 --maximumpoolsize 8 concurrent/durableWorkflow

# ContainerSecurityIT: users of the file realm, their groups taken as roles (as Liberty's basic registry)
$ASADMIN set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
passwords=$(mktemp -d)
for user in admin:durable-workflow-admin notifier:durable-workflow-notify stranger:; do
    name=${user%%:*}
    group=${user#*:}
    echo "AS_ADMIN_USERPASSWORD=$name-password" > "$passwords/$name"
    if [ -n "$group" ]; then
        $ASADMIN --passwordfile "$passwords/$name" create-file-user --groups "$group" "$name"
    else
        $ASADMIN --passwordfile "$passwords/$name" create-file-user "$name"
    fi
done
rm -r "$passwords"
