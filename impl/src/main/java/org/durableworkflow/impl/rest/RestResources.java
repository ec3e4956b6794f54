package org.durableworkflow.impl.rest;

import java.util.List;

/** Every JAX-RS class of the library: its application serves these and only these. */
public final class RestResources {

    public static final List<Class<?>> CLASSES = List.of(NotifyResource.class, RunResource.class,
            WaiterResource.class, KeptEventResource.class, WorkflowResource.class, BearerTokenFilter.class, WorkflowExceptionMapper.class, WebApplicationExceptionMapper.class,
            UnexpectedExceptionMapper.class);

    private RestResources() {
    }
}
