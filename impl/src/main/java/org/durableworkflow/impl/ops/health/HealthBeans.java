package org.durableworkflow.impl.ops.health;

import java.util.List;

/**
 * Which health beans the library registers: the checks, only when the application sees the MicroProfile Health API
 * (its server enables the feature). Without it, no class of this package that names the API is ever loaded.
 */
public final class HealthBeans {

    private static final String API = "org.eclipse.microprofile.health.HealthCheck";

    private HealthBeans() {
    }

    /** The check classes when {@code loader} (the application's) sees the MicroProfile Health API; none otherwise. */
    public static List<Class<?>> whenEnabled(ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        return List.of(ReadinessCheck.class, LivenessCheck.class);
    }
}
