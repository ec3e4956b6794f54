package org.durableworkflow.impl.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.recovery.Recovery;
import org.durableworkflow.impl.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}'s check {@code durable-workflow}: DOWN only when the recovery sweeps stopped ending (the engine
 * is wedged), never for the database. Registered only when the application enables MicroProfile Health ({@code
 * cdi.OptionalBeans}).
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Inject
    Recovery recovery;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(new HealthVerdicts(clock).liveness(recovery.lastSweepEnded(),
                config.recoveryInterval()));
    }
}
