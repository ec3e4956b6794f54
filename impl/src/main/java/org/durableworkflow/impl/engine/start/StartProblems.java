package org.durableworkflow.impl.engine.start;

/** The catalogue of the messages of starting a run, each with its code. */
final class StartProblems {

    /** The code of an input the workflow's parameter cannot take. */
    private static final String INPUT_NOT_OF_TYPE = "DWF0216: ";

    private StartProblems() {
    }

    /** A null input for a workflow whose parameter is a primitive. */
    static String nullForPrimitive(String workflowName, Class<?> type) {
        return INPUT_NOT_OF_TYPE + "the input of workflow '" + workflowName + "' must not be null: its parameter is a "
                + type.getName();
    }

    /** The input text is not JSON of the workflow's input type. */
    static String notJsonOf(String typeName) {
        return INPUT_NOT_OF_TYPE + "the input is not JSON of type " + typeName;
    }
}
