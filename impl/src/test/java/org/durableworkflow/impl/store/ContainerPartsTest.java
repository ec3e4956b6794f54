package org.durableworkflow.impl.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerPartsTest {

    /** The names the JNDI of these tests binds; every other look-up fails as on a server that lacks the part. */
    static final Set<String> BOUND = new HashSet<>();

    @BeforeEach
    void useTestJndi() {
        BOUND.clear();
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, BoundNames.class.getName());
    }

    @AfterEach
    void dropTestJndi() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    @Test
    void aServerBindingEveryPartLacksNothing() {
        BOUND.addAll(List.of(ContainerParts.DATA_SOURCE, ContainerParts.USER_TRANSACTION,
                ContainerParts.SYNCHRONIZATION_REGISTRY, ContainerParts.SCHEDULER, ContainerParts.CONTEXT_SERVICE,
                JpaContext.ENTITY_MANAGER));

        assertEquals(List.of(), ContainerParts.missing());
    }

    @Test
    void eachMissingPartIsNamedWithItsCode() {
        BOUND.addAll(List.of(ContainerParts.DATA_SOURCE, ContainerParts.USER_TRANSACTION,
                ContainerParts.SYNCHRONIZATION_REGISTRY, ContainerParts.CONTEXT_SERVICE));

        List<String> missing = ContainerParts.missing();

        assertEquals(2, missing.size(), missing::toString);
        assertTrue(missing.get(0).startsWith("DWF0503: " + ContainerParts.SCHEDULER + " is not available"),
                missing.get(0));
        assertTrue(missing.get(1).startsWith("DWF0506: the library's persistence context " + JpaContext.ENTITY_MANAGER)
                && missing.get(1).contains("Jakarta Persistence"), missing.get(1));
    }

    /** A JNDI whose look-ups find an object for each name of {@link #BOUND}. */
    public static final class BoundNames implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && args[0] instanceof String name) {
                            if (BOUND.contains(name)) {
                                return new Object();
                            }
                            throw new NameNotFoundException(name);
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
