package org.durableworkflow.impl.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.store.HealthQueries;
import org.durableworkflow.impl.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}'s check {@code durable-workflow}: DOWN while the database does not answer within {@link
 * HealthVerdicts#PROBE_LIMIT} or the application stops. Registered only when the application enables MicroProfile
 * Health ({@code cdi.OptionalBeans}).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Dispatcher dispatcher;
    @Inject
    HealthQueries queries;
    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        Verdict verdict = new HealthVerdicts(clock).readiness(dispatcher.accepting(), dispatcher.queued(),
                dispatcher.heldRunIds().size(), () -> queries.oldestRunnableSince(HealthVerdicts.PROBE_LIMIT));
        return HealthResponses.of(verdict);
    }
}
