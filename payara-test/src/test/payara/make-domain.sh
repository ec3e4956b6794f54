#!/bin/sh
# Makes a Payara domain for the tests once: create-domain, then the domain started, configured by a script of
# asadmin commands, and stopped. A domain that exists is kept (mvn clean removes it with the unpacked server), so a
# second build changes nothing; a domain whose configuration failed is deleted, so that the next build makes it anew.
# Usage: make-domain.sh <domain> <portbase> <configuration script> [a JAR for the domain's lib: the JDBC driver]
set -e
domain=$1
portbase=$2
configuration=$3
driver=$4
asadmin="$PAYARA_HOME/bin/asadmin"
admin_port=$((portbase + 48))

if [ -d "$PAYARA_HOME/glassfish/domains/$domain" ]; then
    echo "domain $domain exists"
    exit 0
fi
"$asadmin" create-domain --nopassword --portbase "$portbase" "$domain"
if [ -n "$driver" ]; then
    cp "$driver" "$PAYARA_HOME/glassfish/domains/$domain/lib/"
fi
"$asadmin" start-domain "$domain"
if ! ASADMIN="$asadmin --port $admin_port" sh "$configuration"; then
    "$asadmin" stop-domain --kill "$domain" || true
    "$asadmin" delete-domain "$domain"
    echo "configuring domain $domain failed" >&2
    exit 1
fi
"$asadmin" stop-domain "$domain"
