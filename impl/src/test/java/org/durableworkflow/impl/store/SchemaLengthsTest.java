package org.durableworkflow.impl.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lengths the code guards with ({@link RunEntity}'s constants) are those the schema scripts create. */
class SchemaLengthsTest {

    @Test
    void everyRunIdWorkflowNameAndLeaseOwnerColumnHasTheLengthTheCodeGuards() throws IOException {
        for (String script : new String[]{"embedded.sql", "postgresql.sql"}) {
            String sql = read(script);
            assertEquals(4, checkAll(sql, "RUN_ID", RunEntity.ID_LENGTH), script);
            assertEquals(1, checkAll(sql, "WORKFLOW_NAME", RunEntity.NAME_LENGTH), script);
            assertEquals(1, checkAll(sql, "LEASE_OWNER", RunEntity.OWNER_LENGTH), script);
        }
    }

    /** Checks each {@code column VARCHAR(n)} of {@code sql} has {@code length}; returns how many there are. */
    private static int checkAll(String sql, String column, int length) {
        Matcher declared = Pattern.compile("\\b" + column + " VARCHAR\\((\\d+)\\)").matcher(sql);
        int found = 0;
        while (declared.find()) {
            assertEquals(length, Integer.parseInt(declared.group(1)), column);
            found++;
        }
        return found;
    }

    private static String read(String script) throws IOException {
        try (InputStream in = SchemaLengthsTest.class.getResourceAsStream("/META-INF/durable-workflow/" + script)) {
            assertTrue(in != null, script + " not found");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
