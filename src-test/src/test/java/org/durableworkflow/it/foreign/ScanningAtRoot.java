package org.durableworkflow.it.foreign;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A user's application beside the library: an empty application at the context root, which serves every resource of the WAR there. */
@ApplicationPath("/")
public class ScanningAtRoot extends Application {
}
