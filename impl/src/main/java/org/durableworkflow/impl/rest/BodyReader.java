package org.durableworkflow.impl.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Reads a request body as UTF-8 text without ever holding more than the limit. */
final class BodyReader {

    private BodyReader() {
    }

    /** The body, {@code null} when empty; 413 past {@code maxBytes}, 400 when it is not UTF-8. */
    static String read(InputStream in, int maxBytes) throws IOException {
        if (in == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > maxBytes) {
                throw ApiError.exception(413, "DWF0215: the body is larger than the limit of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        if (out.size() == 0) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.exception(400, "DWF0805: the body is not UTF-8 text");
        }
    }
}
