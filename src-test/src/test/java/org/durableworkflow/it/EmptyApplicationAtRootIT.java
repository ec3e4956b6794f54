package org.durableworkflow.it;

import org.durableworkflow.it.foreign.ScanningAtRoot;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.List;

/** The library beside an empty application at the context root. */
class EmptyApplicationAtRootIT extends ForeignApplicationTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("newapp-root", ScanningAtRoot.class);
    }

    @Override
    List<String> foreignRoots() {
        return List.of("");
    }

    @Override
    List<String> userResourcePaths() {
        return List.of("hello");
    }

    @Override
    boolean routesToTheLibrary() {
        return true;
    }
}
