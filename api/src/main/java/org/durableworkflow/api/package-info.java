/**
 * The public API of Durable Workflow for Jakarta EE: annotate CDI beans with {@link org.durableworkflow.api.Workflow}
 * and {@link org.durableworkflow.api.DurableStep}, inject {@link org.durableworkflow.api.WorkflowContext} inside a
 * workflow and {@link org.durableworkflow.api.WorkflowClient} anywhere.
 */
package org.durableworkflow.api;
