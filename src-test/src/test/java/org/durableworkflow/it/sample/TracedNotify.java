package org.durableworkflow.it.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A notify as a traced client sends it: inside a trace of the test's own, named by a W3C {@code traceparent}. */
final class TracedNotify {

    private TracedNotify() {
    }

    static String newTraceId() {
        return randomHex(16);
    }

    /** Notifies {@code eventId} on {@code server} with a shipped order's event, in trace {@code traceId}. */
    static HttpResponse<String> send(SampleServer server, String eventId, String traceId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + "/workflow/v2/notify/" + eventId))
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + SampleServer.TOKEN)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"shipped\",\"deliveryTime\":\"1 day\"}"))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
