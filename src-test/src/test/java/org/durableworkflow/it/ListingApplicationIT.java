package org.durableworkflow.it;

import org.durableworkflow.it.foreign.ListingAtListed;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.List;

/** The library beside an application that lists its own classes, at /listed. */
class ListingApplicationIT extends ForeignApplicationTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("newapp-listed", ListingAtListed.class);
    }

    @Override
    List<String> foreignRoots() {
        return List.of("listed/");
    }

    @Override
    List<String> userResourcePaths() {
        return List.of("listed/hello");
    }

    @Override
    boolean routesToTheLibrary() {
        return false;
    }
}
