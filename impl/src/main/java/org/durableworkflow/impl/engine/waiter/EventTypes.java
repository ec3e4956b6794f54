package org.durableworkflow.impl.engine.waiter;

import org.durableworkflow.impl.json.JsonCodec;

/** Whether event data can be read as the type a wait asked for. */
final class EventTypes {

    private EventTypes() {
    }

    /**
     * @param className the type the wait reads its event as; {@code null} or a class not loadable here: not checked
     * @throws org.durableworkflow.api.exception.InvalidInputException when the data cannot be read as that type
     */
    static void checkReadable(JsonCodec json, String className, String eventText) {
        Class<?> type = loadable(className);
        if (type != null) {
            json.readEvent(eventText, type);
        }
    }

    private static Class<?> loadable(String className) {
        if (className == null) {
            return null;
        }
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
