package org.durableworkflow.it;

import org.durableworkflow.it.foreign.ScanningAtApi;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.List;

/** The library beside an empty application at /api. */
class EmptyApplicationAtApiIT extends ForeignApplicationTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("newapp-api", ScanningAtApi.class);
    }

    @Override
    List<String> foreignRoots() {
        return List.of("api/");
    }

    @Override
    List<String> userResourcePaths() {
        return List.of("api/hello");
    }

    @Override
    boolean routesToTheLibrary() {
        return true;
    }
}
