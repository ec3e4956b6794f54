package org.durableworkflow.impl.cdi;

import java.util.List;

/**
 * The Jakarta APIs the library's classes are built on. A server that gives the application one of them not (WildFly's
 * {@code standalone-microprofile.xml} has no Enterprise Beans) fails the deployment with the API named and its code,
 * instead of with a library class that cannot load. Named by string, so that nothing here loads them.
 */
final class RequiredApis {

    /** An API, by a class of it, and the problem of a server that does not give it to the application. */
    record Api(String probe, String problem) {
    }

    private static final String ELSEWHERE = " (Open Liberty: the features the README lists)";

    static final List<Api> APIS = List.of(
            new Api("jakarta.ejb.TimerService", "DWF0504: the application sees no Jakarta Enterprise Beans"
                    + " (jakarta.ejb), whose persistent timers keep the waits' deadlines: the server has no Enterprise"
                    + " Beans container with persistent timers (Open Liberty: feature enterpriseBeansPersistentTimer-4.0;"
                    + " WildFly: subsystem ejb3, as in standalone.xml, not standalone-microprofile.xml)"),
            new Api("jakarta.persistence.EntityManager", "DWF0506: the application sees no Jakarta Persistence"
                    + " (jakarta.persistence) (Open Liberty: feature persistence-3.1; WildFly: subsystem jpa)"),
            new Api("jakarta.transaction.UserTransaction", "DWF0503: the application sees no Jakarta Transactions"
                    + " (jakarta.transaction)" + ELSEWHERE),
            new Api("jakarta.enterprise.concurrent.ManagedExecutorService", "DWF0503: the application sees no"
                    + " Jakarta Concurrency (jakarta.enterprise.concurrent)" + ELSEWHERE),
            new Api("jakarta.ws.rs.core.Application", "DWF0503: the application sees no Jakarta RESTful Web"
                    + " Services (jakarta.ws.rs)" + ELSEWHERE),
            new Api("jakarta.json.bind.Jsonb", "DWF0503: the application sees no Jakarta JSON Binding"
                    + " (jakarta.json.bind)" + ELSEWHERE));

    private RequiredApis() {
    }

    /** The problem of each API that {@code loader} (the library's class loader) cannot load. */
    static List<String> missing(ClassLoader loader) {
        return APIS.stream().filter(api -> !OptionalBeans.loads(api.probe(), loader)).map(Api::problem).toList();
    }
}
