package org.durableworkflow.it.foreign;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** A user's application beside the library that lists its classes, at {@code /listed}. */
@ApplicationPath("/listed")
public class ListingAtListed extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(HelloResource.class);
    }
}
