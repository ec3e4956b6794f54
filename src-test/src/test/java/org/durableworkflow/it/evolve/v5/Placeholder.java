package org.durableworkflow.it.evolve.v5;

import jakarta.enterprise.context.ApplicationScoped;

/** A version of the application without the evolving workflow: its runs wait for one that has it. */
@ApplicationScoped
public class Placeholder {
}
