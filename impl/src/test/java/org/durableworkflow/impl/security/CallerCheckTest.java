package org.durableworkflow.impl.security;

import org.durableworkflow.impl.config.WorkflowConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerCheckTest {

    private static CallerCheck check(Map<String, String> settings) {
        CallerCheck check = new CallerCheck(new WorkflowConfig(key -> Optional.ofNullable(settings.get(key))));
        check.digestTokens();
        return check;
    }

    private static Caller bearer(String token) {
        return new Caller(token == null ? null : "Bearer " + token, false, role -> false);
    }

    private static String code(Optional<Refusal> refusal) {
        return refusal.map(r -> r.status() + " " + r.error().substring(0, 7)).orElse("allowed");
    }

    @Test
    void managementTokensMayCallEverythingNotifyTokensOnlyNotifyCalls() {
        CallerCheck check = check(Map.of("rest.token", "old, new", "rest.notify-token", "sender"));
        assertEquals("allowed", code(check.refusal(bearer("old"), false)));
        assertEquals("allowed", code(check.refusal(bearer("new"), false)));
        assertEquals("allowed", code(check.refusal(new Caller("bearer  new ", false, r -> false), false)));
        assertEquals("allowed", code(check.refusal(bearer("sender"), true)));
        assertEquals("403 DWF0812", code(check.refusal(bearer("sender"), false)));
        assertEquals("401 DWF0801", code(check.refusal(bearer(null), true)));
        assertEquals("401 DWF0801", code(check.refusal(new Caller("Basic abc", false, r -> false), true)));
        assertEquals("401 DWF0802", code(check.refusal(bearer("wrong"), true)));
        assertEquals("401 DWF0802", code(check.refusal(bearer(""), false)));
    }

    @Test
    void withoutTokensEverythingIsRefusedUnlessAuthIsOffOnPurpose() {
        assertEquals("401 DWF0800", code(check(Map.of()).refusal(bearer("anything"), true)));
        assertEquals("allowed", code(check(Map.of("rest.auth", "none")).refusal(bearer(null), false)));
    }

    @Test
    void withContainerAuthRolesDecideAndTokensCountForNothing() {
        CallerCheck check = check(Map.of("rest.auth", "container", "rest.token", "t"));
        Set<String> admin = Set.of("durable-workflow-admin");
        Set<String> notifier = Set.of("durable-workflow-notify");
        assertEquals("401 DWF0810", code(check.refusal(bearer("t"), false)));
        assertEquals("allowed", code(check.refusal(new Caller(null, true, admin::contains), false)));
        assertEquals("allowed", code(check.refusal(new Caller(null, true, notifier::contains), true)));
        Optional<Refusal> refused = check.refusal(new Caller(null, true, notifier::contains), false);
        assertEquals("403 DWF0811", code(refused));
        assertTrue(refused.get().error().endsWith("durable-workflow-admin"), refused.get().error());
        assertEquals("403 DWF0811", code(check.refusal(new Caller(null, true, r -> false), true)));
    }

    @Test
    void noRefusalEchoesAToken() {
        CallerCheck check = check(Map.of("rest.token", "secret-token", "rest.notify-token", "notify-secret"));
        for (String token : new String[]{"secret-tokenX", "notify-secret"}) {
            check.refusal(bearer(token), false).ifPresent(r -> assertTrue(!r.error().contains(token)
                    && !r.error().contains("secret"), r.error()));
        }
    }

    @Test
    void theConsolesFilesLoadWithoutATokenButNeedTheAdminRoleWithContainerSecurity() {
        assertEquals("allowed", code(check(Map.of("rest.token", "t")).consoleFileRefusal(bearer(null))));
        assertEquals("allowed", code(check(Map.of()).consoleFileRefusal(bearer("wrong"))));
        CallerCheck container = check(Map.of("rest.auth", "container"));
        assertEquals("401 DWF0810", code(container.consoleFileRefusal(bearer(null))));
        assertEquals("403 DWF0811", code(container.consoleFileRefusal(
                new Caller(null, true, Set.of("durable-workflow-notify")::contains))));
        assertEquals("allowed", code(container.consoleFileRefusal(
                new Caller(null, true, Set.of("durable-workflow-admin")::contains))));
    }
}
