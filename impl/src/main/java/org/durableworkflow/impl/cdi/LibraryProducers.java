package org.durableworkflow.impl.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.time.Clock;

/** The library's plain-object collaborators, created once per application. */
@ApplicationScoped
public class LibraryProducers {

    @Produces
    @Singleton
    WorkflowConfig config() {
        return WorkflowConfig.fromMicroProfile();
    }

    /** The definitions the extension collected, for the engine to read. */
    @Produces
    @Singleton
    Definitions definitions(DurableWorkflowExtension extension) {
        return extension.definitions();
    }

    @Produces
    @Singleton
    JsonCodec jsonCodec() {
        return new JsonCodec();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.SYSTEM;
    }
}
