package org.durableworkflow.it.foreign;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A user's application beside the library: an empty application at {@code /api}, the most common JAX-RS setup: it serves every resource of the WAR. */
@ApplicationPath("/api")
public class ScanningAtApi extends Application {
}
