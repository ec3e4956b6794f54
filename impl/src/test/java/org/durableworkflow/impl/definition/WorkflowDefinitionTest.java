package org.durableworkflow.impl.definition;

import org.durableworkflow.api.Workflow;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A workflow method is called through its handle as the container's proxy would be, and its throws come through. */
class WorkflowDefinitionTest {

    static class Orders {
        @Workflow("order")
        public String order(Integer quantity) {
            return "ordered " + quantity;
        }

        @Workflow("tick")
        public void tick() {
        }

        @Workflow("suspend")
        public void suspend() {
            throw SIGNAL;
        }
    }

    /** Stands for the CDI container's subclass proxy, which overrides the method. */
    static class OrdersProxy extends Orders {
        @Override
        public String order(Integer quantity) {
            return "proxied " + super.order(quantity);
        }
    }

    static final Error SIGNAL = new Error("unwinds the workflow");

    private static WorkflowDefinition definition(String name, Class<?>... parameters) throws Exception {
        Method method = Orders.class.getMethod(name, parameters);
        return WorkflowDefinition.of(name, null, method);
    }

    @Test
    void callsTheMethodOnTheInstanceGivenWithItsInput() throws Throwable {
        WorkflowDefinition order = definition("order", Integer.class);
        assertEquals(Integer.class, order.inputType());
        assertEquals("ordered 3", order.invoke(new Orders(), 3));
        assertEquals("proxied ordered 4", order.invoke(new OrdersProxy(), 4));
    }

    @Test
    void aMethodWithoutInputOrResultTakesNoneAndGivesNull() throws Throwable {
        WorkflowDefinition tick = definition("tick");
        assertNull(tick.inputType());
        assertNull(tick.invoke(new Orders(), null));
    }

    /**
     * {@code of} makes the method accessible before it takes its handle, so the {@code IllegalAccessException} it
     * turns into DWF0015 cannot be provoked from here: the message it would carry is checked instead.
     */
    @Test
    void aMethodWithoutAHandleIsNamedInFullWithItsCode() throws Exception {
        Method order = Orders.class.getMethod("order", Integer.class);
        assertEquals("DWF0015: public java.lang.String " + Orders.class.getName() + ".order(java.lang.Integer)"
                + " cannot be called", DefinitionProblems.workflowNotCallable(order));
    }

    @Test
    void whatTheMethodThrowsComesThroughUnwrapped() throws Exception {
        WorkflowDefinition suspend = definition("suspend");
        assertSame(SIGNAL, assertThrows(Error.class, () -> suspend.invoke(new Orders(), null)));
    }
}
