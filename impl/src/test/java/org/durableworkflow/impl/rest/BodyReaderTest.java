package org.durableworkflow.impl.rest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Bodies read whole, however the stream hands them over; the refusals (413, 400) are in RestApiIT and BadInputIT. */
class BodyReaderTest {

    @Test
    void noBodyAndAnEmptyBodyAreNull() throws IOException {
        assertNull(BodyReader.read(null, 100));
        assertNull(BodyReader.read(stream(""), 100));
    }

    @Test
    void readsASmallBody() throws IOException {
        assertEquals("{\"status\":\"shipped\"}", BodyReader.read(stream("{\"status\":\"shipped\"}"), 1000));
    }

    @Test
    void readsABodyLargerThanItsFirstBufferHandedOverAFewBytesAtATime() throws IOException {
        String body = "é".repeat(3000) + "x"; // 6,001 bytes of UTF-8, two bytes a character but the last
        assertEquals(body, BodyReader.read(trickle(stream(body), 7), 10_000));
    }

    @Test
    void readsABodyOfExactlyTheLimit() throws IOException {
        assertEquals("x".repeat(513), BodyReader.read(stream("x".repeat(513)), 513));
        assertEquals("x".repeat(4096), BodyReader.read(trickle(stream("x".repeat(4096)), 1000), 4096));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** At most {@code chunk} bytes per read, as a network stream may hand them. */
    private static InputStream trickle(InputStream in, int chunk) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
