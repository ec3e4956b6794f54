package org.durableworkflow.it.foreign;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A user's application beside the library: a second empty application, at {@code /more}. */
@ApplicationPath("/more")
public class ScanningAtMore extends Application {
}
