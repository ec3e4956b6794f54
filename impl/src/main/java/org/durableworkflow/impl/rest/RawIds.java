package org.durableworkflow.impl.rest;

import jakarta.ws.rs.core.UriInfo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Ids as the Upstash client sent them. It does not encode ids, so everything after the resource's path is the id,
 * whatever it holds: {@code /}, {@code ;} (which a JAX-RS path parameter drops with what follows it, taking it for a
 * matrix parameter), {@code |} or {@code [} (which {@link UriInfo#getRequestUri} refuses), and a {@code ?} that
 * starts the query string. Percent escapes (the client's HTTP stack escapes spaces and non-ASCII characters) are
 * decoded as UTF-8; a {@code %} that begins no escape is kept as it is.
 */
final class RawIds {

    private RawIds() {
    }

    /**
     * The id that follows {@code resourcePath} (such as {@code v2/notify/}) in the request's raw path, with its query
     * string, decoded; {@code null} when the path does not hold it.
     */
    static String after(String resourcePath, UriInfo uri) {
        String path = uri.getPath(false);
        int start = path.indexOf(resourcePath);
        if (start < 0) {
            return null;
        }
        String id = path.substring(start + resourcePath.length());
        String query = rawQuery(uri);
        return decode(query == null ? id : id + "?" + query);
    }

    /**
     * The raw query string. When the path holds a character a URI may not ({@code |}, say), JAX-RS can read neither
     * the request URI nor its query: the id is then taken to have no {@code ?} in it.
     */
    private static String rawQuery(UriInfo uri) {
        try {
            return uri.getRequestUri().getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes the percent escapes of {@code raw} as UTF-8 bytes, leaving any other {@code %} as it is. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int high = raw.charAt(i) == '%' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int end = i + Character.charCount(raw.codePointAt(i));
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
