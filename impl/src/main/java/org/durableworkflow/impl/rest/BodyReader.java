package org.durableworkflow.impl.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Reads a request body as UTF-8 text without ever holding more than the limit. */
final class BodyReader {

    private BodyReader() {
    }

    /** The body, {@code null} when empty; 413 past {@code maxBytes}, 400 when it is not UTF-8. */
    static String read(InputStream in, int maxBytes) throws IOException {
        if (in == null) {
            return null;
        }
        // a small buffer that doubles as the body needs, up to one byte past the limit: most bodies are small
        byte[] body = new byte[(int) Math.min(maxBytes + 1L, 512)];
        int length = 0;
        int n;
        while ((n = in.read(body, length, body.length - length)) > 0) {
            length += n;
            if (length > maxBytes) {
                throw ApiError.exception(413, RestProblems.bodyTooLarge(maxBytes));
            }
            if (length == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(maxBytes + 1L, 2L * body.length));
            }
        }
        if (length == 0) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.exception(400, RestProblems.bodyNotUtf8());
        }
    }
}
