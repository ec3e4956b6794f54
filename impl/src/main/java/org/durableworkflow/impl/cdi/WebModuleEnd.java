package org.durableworkflow.impl.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.durableworkflow.impl.engine.recovery.GracefulStop;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops the engine gracefully when the web module ends: Payara undeploys a WAR without firing
 * {@code @BeforeDestroyed(ApplicationScoped.class)}, so the runs executing there would keep their leases. Registered
 * as a listener by itself, a {@code ServletContainerInitializer} the container finds in the library's JAR, so no
 * {@code web.xml} of the application needs to name it.
 */
public class WebModuleEnd implements ServletContainerInitializer, ServletContextListener {

    private static final Logger LOG = Logger.getLogger(WebModuleEnd.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(WebModuleEnd.class);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            CDI.current().select(GracefulStop.class).get().stop();
        } catch (RuntimeException e) {
            // the deployment failed before the engine began (RequiredApis): there is nothing to stop
            LOG.log(Level.FINE, "no engine to stop", e);
        }
    }
}
