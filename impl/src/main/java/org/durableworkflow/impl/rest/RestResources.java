package org.durableworkflow.impl.rest;

import org.durableworkflow.impl.security.LibraryRootMarker;

import java.util.List;

/** Every JAX-RS class of the library: its application serves these and only these. */
public final class RestResources {

    /** The resources; each carries {@code @Guarded}, which a unit test checks. */
    public static final List<Class<?>> RESOURCES = List.of(NotifyResource.class, RunResource.class,
            WaiterResource.class, KeptEventResource.class, WorkflowResource.class, ConsoleResource.class);

    public static final List<Class<?>> PROVIDERS = List.of(LibraryRootMarker.class, WorkflowExceptionMapper.class,
            WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);

    private RestResources() {
    }

    /** The resources and providers. */
    public static List<Class<?>> all() {
        return java.util.stream.Stream.concat(RESOURCES.stream(), PROVIDERS.stream()).toList();
    }
}
