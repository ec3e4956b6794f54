package org.durableworkflow.it.foreign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A user's own resource, to show that the user's applications still serve what they should. */
@ApplicationScoped
@Path("hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }
}
