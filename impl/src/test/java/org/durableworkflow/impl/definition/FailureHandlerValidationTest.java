package org.durableworkflow.impl.definition;

import jakarta.enterprise.context.ApplicationScoped;
import org.durableworkflow.api.OnFailure;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.api.WorkflowFailure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad {@code @OnFailure} handlers fail the deployment with their coded messages. */
class FailureHandlerValidationTest {

    @ApplicationScoped
    public static class Orders {
        @Workflow("orders")
        public void run(String order) {
        }

        @OnFailure("orders")
        public void onFailure(String order, WorkflowFailure failure) {
        }
    }

    @ApplicationScoped
    public static class SecondHandler {
        @OnFailure("orders")
        public void alsoOnFailure(WorkflowFailure failure) {
        }
    }

    @ApplicationScoped
    public static class Stray {
        @OnFailure("no-such-workflow")
        public void onFailure(WorkflowFailure failure) {
        }
    }

    @ApplicationScoped
    public static class BadShapes {
        @Workflow("shapes")
        public void run(String input) {
        }

        @OnFailure("shapes")
        public void wrongInput(Integer input, WorkflowFailure failure) {
        }
    }

    @ApplicationScoped
    public static class NoFailureParameter {
        @Workflow("bare")
        public void run() {
        }

        @OnFailure("bare")
        public void onFailure(String reason) {
        }
    }

    @Test
    void aHandlerNamingNoWorkflowIsRefused() {
        String error = DefinitionValidationTest.deploymentError(Stray.class);
        assertTrue(error.contains("DWF0016: @OnFailure method Stray#onFailure(WorkflowFailure) names no @Workflow"
                + " 'no-such-workflow'"), error);
    }

    @Test
    void twoHandlersForOneWorkflowAreRefused() {
        String error = DefinitionValidationTest.deploymentError(Orders.class, SecondHandler.class);
        assertTrue(error.contains("DWF0017: two @OnFailure methods for workflow 'orders'"), error);
    }

    @Test
    void handlersThatCannotTakeTheInputAndFailureAreRefused() {
        String error = DefinitionValidationTest.deploymentError(BadShapes.class);
        assertTrue(error.contains("DWF0018: @OnFailure method BadShapes#wrongInput(Integer, WorkflowFailure) must"
                + " be public"), error);
        error = DefinitionValidationTest.deploymentError(NoFailureParameter.class);
        assertTrue(error.contains("DWF0018: @OnFailure method NoFailureParameter#onFailure(String)"), error);
    }
}
