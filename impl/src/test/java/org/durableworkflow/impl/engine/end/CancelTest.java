package org.durableworkflow.impl.engine.end;

import org.durableworkflow.impl.engine.execute.ExecutionsTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

class CancelTest {

    @Test
    void cancellingNoRunAtAllAnswersFalseWithoutTheDatabase() {
        RunEnding engine = new RunEnding();
        engine.transactions = new ExecutionsTest.DatabaseAway(); // what would reach the database fails

        assertFalse(engine.cancel(null));
        assertFalse(engine.cancel("wfr_" + "x".repeat(600)), "longer than any run id: no such run");
    }
}
