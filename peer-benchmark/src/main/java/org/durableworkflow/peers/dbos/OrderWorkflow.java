package org.durableworkflow.peers.dbos;

/** The order workflow as DBOS calls it: through a proxy that checkpoints each step. */
public interface OrderWorkflow {

    String process(int run, long timeoutMillis) throws Exception;
}
