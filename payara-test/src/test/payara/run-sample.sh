#!/bin/sh
# The sample WAR on Payara, for a look: a domain of its own made once (make-domain.sh, configure.sh: the sample's
# executor, its data on the domain's H2), started, and the WAR deployed at the root context; the domain keeps
# running after the build. Stop it with: <payara home>/bin/asadmin stop-domain dw-sample
# Usage: run-sample.sh <portbase> <sample WAR>
set -e
portbase=$1
war=$2
here=$(dirname "$0")
sh "$here/make-domain.sh" dw-sample "$portbase" "$here/configure.sh"
"$PAYARA_HOME/bin/asadmin" start-domain dw-sample
"$PAYARA_HOME/bin/asadmin" --port $((portbase + 48)) deploy --force=true --name sample --contextroot / "$war"
echo "The sample answers on http://localhost:$((portbase + 80))/ (token sample-token);" \
    "stop it with $PAYARA_HOME/bin/asadmin stop-domain dw-sample"
