#!/bin/sh
# The users of ContainerSecurityIT in WildFly's application realm, their groups taken as roles (as Liberty's basic
# registry in src-test's server.xml). add-user.sh updates a user that exists, so a second build changes nothing.
set -e
"$JBOSS_HOME/bin/add-user.sh" -a -s -u admin -p admin-password -g durable-workflow-admin
"$JBOSS_HOME/bin/add-user.sh" -a -s -u notifier -p notifier-password -g durable-workflow-notify
"$JBOSS_HOME/bin/add-user.sh" -a -s -u stranger -p stranger-password
