package org.durableworkflow.it;

import org.durableworkflow.it.foreign.ListingAtListed;
import org.durableworkflow.it.foreign.ScanningAtApi;
import org.durableworkflow.it.foreign.ScanningAtMore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.List;

/** The library beside two empty applications and a listing one. */
class SeveralApplicationsIT extends ForeignApplicationTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("newapp-several", ScanningAtApi.class, ScanningAtMore.class, ListingAtListed.class);
    }

    @Override
    List<String> foreignRoots() {
        return List.of("api/", "more/", "listed/");
    }

    @Override
    List<String> userResourcePaths() {
        return List.of("api/hello", "more/hello", "listed/hello");
    }

    @Override
    boolean routesToTheLibrary() {
        return true;
    }
}
