package org.durableworkflow.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Builds test archives the way users build theirs: their classes plus the library's two JARs in WEB-INF/lib. */
public final class Deployments {

    public static final String TOKEN = "it-token";
    /**
     * What every test application is configured with, unless a test says otherwise. The executor's JNDI name is the
     * server's ({@code test.executor}): each server binds a managed executor under names of its own.
     */
    private static final String BASE_CONFIG = "durable-workflow.rest.token=" + TOKEN + "\n"
            + "durable-workflow.executor=" + System.getProperty("test.executor", "concurrent/durableWorkflow") + "\n";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Deployments() {
    }

    /** What every test application is configured with, to add settings to. */
    public static String baseConfig() {
        return BASE_CONFIG;
    }

    public static WebArchive withLibrary(String name, Class<?>... classes) {
        return withLibrary(name, BASE_CONFIG, classes);
    }

    /** As {@link #withLibrary(String, Class[])} with the test token and {@code settings}, one per line, added. */
    public static WebArchive withSettings(String name, String... settings) {
        return withLibrary(name, BASE_CONFIG + String.join("\n", settings) + "\n");
    }

    /** As {@link #withSettings(String, String...)} with {@code webXml} as the deployment descriptor. */
    public static WebArchive withDescriptor(String name, String webXml, String... settings) {
        return withSettings(name, settings).setWebXML(new StringAsset(webXml));
    }

    /** As {@link #withLibrary(String, Class[])} with {@code config} as the application's MicroProfile Config. */
    public static WebArchive withLibrary(String name, String config, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage("org.durableworkflow.it.app")
                .addClasses(classes)
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        addJars(war, "library.jars");
        addJars(war, "test.jars");
        return war;
    }

    /**
     * A call with the test token to {@code path} of the application at {@code contextRoot} on the server Arquillian
     * deploys to; {@code body} {@code null} for none.
     */
    public static HttpResponse<String> call(String contextRoot, String method, String path, String body)
            throws Exception {
        URI base = URI.create("http://localhost:" + Integer.getInteger("test.http.port", 9180)
                + "/" + contextRoot + "/");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The log of the server Arquillian deploys to, which each server's build names ({@code test.server.log}). */
    public static java.nio.file.Path serverLog() {
        return java.nio.file.Path.of(Objects.requireNonNull(System.getProperty("test.server.log"), "test.server.log"));
    }

    private static void addJars(WebArchive war, String directoryProperty) {
        File jars = new File(Objects.requireNonNull(System.getProperty(directoryProperty), directoryProperty));
        for (File jar : Objects.requireNonNull(jars.listFiles((dir, n) -> n.endsWith(".jar")))) {
            war.addAsLibrary(jar);
        }
    }
}
