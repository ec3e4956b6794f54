package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library has no default token: without one configured it refuses every REST call and says why at start. */
@ExtendWith(ArquillianExtension.class)
class NoTokenIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-no-token-it", "# no durable-workflow.rest.token\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void everyCallIsRefusedSayingWhyAndTheStartLogSaysSo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String token : new String[]{null, "", "anything"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString())
                    .resolve("workflow/v2/notify/order-1")).POST(HttpRequest.BodyPublishers.ofString("{}"));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(401, response.statusCode());
            assertTrue(response.body().contains("DWF0800") && response.body().contains("durable-workflow.rest.token"),
                    response.body());
        }
        Path log = Deployments.serverLog();
        assertTrue(Files.readString(log).contains("DWF0700: no durable-workflow.rest.token is configured"));
    }
}
