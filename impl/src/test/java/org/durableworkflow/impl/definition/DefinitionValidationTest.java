package org.durableworkflow.impl.definition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.impl.cdi.DurableWorkflowExtension;
import org.durableworkflow.api.Workflow;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad definitions fail the deployment with their coded messages, all of them at once. */
class DefinitionValidationTest {

    @ApplicationScoped
    public static class PrivateStep {
        @DurableStep
        private String secret(String in) {
            return in;
        }
    }

    @Dependent
    public static class StaticStep {
        @DurableStep
        public static String shared() {
            return "";
        }
    }

    @Dependent
    public static class FinalStep {
        @DurableStep
        public final String sealed() {
            return "";
        }
    }

    @Dependent
    public static final class FinalClassStep {
        @DurableStep
        public String step() {
            return "";
        }
    }

    @ApplicationScoped
    public static class TwoParameters {
        @Workflow("two")
        public void run(String a, String b) {
        }
    }

    @ApplicationScoped
    public static class BlankName {
        @Workflow(" ")
        public void run() {
        }
    }

    @ApplicationScoped
    public static class NotPublic {
        @Workflow("hidden")
        void run() {
        }
    }

    @ApplicationScoped
    public static class FirstOrders {
        @Workflow("orders")
        public void run(String order) {
        }
    }

    @ApplicationScoped
    public static class SecondOrders {
        @Workflow("orders")
        public void process() {
        }
    }

    @ApplicationScoped
    public static class BadRetries {
        @DurableStep(value = "negative", retries = -1)
        public String negative() {
            return "";
        }

        @DurableStep(value = "too many", retries = 101)
        public String tooMany() {
            return "";
        }

        @DurableStep(value = "too long a pause", retries = 3, retryDelay = "2h")
        public String tooLong() {
            return "";
        }

        @DurableStep(value = "no duration", retries = 3, retryDelay = "soon")
        public String noDuration() {
            return "";
        }
    }

    @ApplicationScoped
    public static class LongStepName {
        private static final String TEN = "abcdefghij";
        private static final String FIFTY = TEN + TEN + TEN + TEN + TEN;
        static final String NAME = FIFTY + FIFTY + FIFTY + FIFTY + "k";

        @DurableStep(NAME)
        public String step() {
            return "";
        }
    }

    @ApplicationScoped
    public static class WorkflowThatIsAStep {
        @Workflow("both")
        @DurableStep
        public void run() {
        }
    }

    @ApplicationScoped
    @DurableStep
    public static class StepClassWithAWorkflow {
        @Workflow("inside a step class")
        public void run() {
        }
    }

    @ApplicationScoped
    public static class Valid {
        @Workflow("valid")
        public String run(List<String> input) {
            return step();
        }

        @DurableStep("a step")
        public String step() {
            return "";
        }
    }

    static String deploymentError(Class<?>... beans) {
        Weld weld = new Weld().disableDiscovery().addExtension(new DurableWorkflowExtension()).addBeanClasses(beans);
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (WeldContainer ignored = weld.initialize()) {
                // a valid deployment would get here
            }
        });
        StringBuilder all = new StringBuilder();
        collect(e, all);
        return all.toString();
    }

    /** Weld nests the definition errors as causes and suppressed exceptions. */
    private static void collect(Throwable t, StringBuilder all) {
        if (t == null) {
            return;
        }
        all.append(t.getMessage()).append('\n');
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, all);
        }
        if (t.getCause() != t) {
            collect(t.getCause(), all);
        }
    }

    @Test
    void retriesOutOfRangeAndPausesThatAreNotShortDurationsAreRefused() {
        String error = deploymentError(BadRetries.class);

        assertTrue(error.contains("DWF0006: @DurableStep on BadRetries#negative() has retries = -1"), error);
        assertTrue(error.contains("DWF0006: @DurableStep on BadRetries#tooMany() has retries = 101"), error);
        assertTrue(error.contains("DWF0007: @DurableStep on BadRetries#tooLong() has retryDelay '2h'"), error);
        assertTrue(error.contains("DWF0007: @DurableStep on BadRetries#noDuration() has retryDelay 'soon'"), error);
    }

    @Test
    void aPrivateStepIsRefused() {
        assertTrue(deploymentError(PrivateStep.class).contains("DWF0001: @DurableStep method"
                + " PrivateStep#secret(String) must not be private"));
    }

    @Test
    void aStaticStepIsRefused() {
        assertTrue(deploymentError(StaticStep.class).contains("DWF0002: @DurableStep method StaticStep#shared()"));
    }

    @Test
    void aFinalStepIsRefused() {
        assertTrue(deploymentError(FinalStep.class).contains("DWF0003: @DurableStep method FinalStep#sealed()"));
    }

    @Test
    void aStepOnAFinalClassIsRefused() {
        assertTrue(deploymentError(FinalClassStep.class).contains("DWF0004: @DurableStep method"
                + " FinalClassStep#step()"));
    }

    @Test
    void aWorkflowWithTwoParametersIsRefused() {
        assertTrue(deploymentError(TwoParameters.class).contains("DWF0011: @Workflow method"
                + " TwoParameters#run(String, String) must take no parameter or exactly one"));
    }

    @Test
    void aBlankWorkflowNameIsRefused() {
        assertTrue(deploymentError(BlankName.class).contains("DWF0010: @Workflow method BlankName#run()"));
    }

    @Test
    void aWorkflowMethodThatIsNotPublicIsRefused() {
        assertTrue(deploymentError(NotPublic.class).contains("DWF0012: @Workflow method NotPublic#run()"));
    }

    @Test
    void twoWorkflowsWithOneNameAreRefused() {
        String error = deploymentError(FirstOrders.class, SecondOrders.class);
        assertTrue(error.contains("DWF0013: two @Workflow methods are named 'orders'"), error);
    }

    @Test
    void aStepNameLongerThanTwoHundredCharactersIsRefused() {
        assertEquals(201, LongStepName.NAME.length());
        String error = deploymentError(LongStepName.class);
        assertTrue(error.contains("DWF0005: @DurableStep method LongStepName#step() has a name longer than 200"
                + " characters"), error);
    }

    @Test
    void aWorkflowThatIsAlsoAStepIsRefused() {
        String error = deploymentError(WorkflowThatIsAStep.class);
        assertTrue(error.contains("DWF0014: WorkflowThatIsAStep#run() is both @Workflow and @DurableStep; a workflow"
                + " calls steps, it is not one"), error);
    }

    @Test
    void aWorkflowInAStepClassIsRefused() {
        String error = deploymentError(StepClassWithAWorkflow.class);
        assertTrue(error.contains("DWF0014: StepClassWithAWorkflow#run() is both @Workflow and @DurableStep;"
                + " a workflow calls steps, it is not one"), error);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String error = deploymentError(PrivateStep.class, StaticStep.class, TwoParameters.class);
        for (String code : List.of("DWF0001", "DWF0002", "DWF0011")) {
            assertTrue(error.contains(code), code + " missing from " + error);
        }
    }

    @Test
    void aValidBeanHasNoProblem() {
        List<String> problems = new ArrayList<>();
        assertEquals(1, DefinitionScanner.scan(Valid.class, problems::add).size());
        assertEquals(List.of(), problems);
    }
}
