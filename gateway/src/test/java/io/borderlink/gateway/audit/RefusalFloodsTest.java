package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flood of identical refusals becomes one audited refusal and one event with the count of the others. */
class RefusalFloodsTest {

    private final List<AuditEvent> trail = new ArrayList<>();
    private final AuditTrail audit = new AuditTrail() {
        @Override
        public void record(AuditEvent event) {
            trail.add(event);
        }

        @Override
        public void record(List<AuditEvent> events) {
            trail.addAll(events);
        }
    };
    private Instant now = Instant.parse("2026-12-06T09:00:00Z");
    private final RefusalFloods floods = new RefusalFloods(
            audit,
            new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneId.of("UTC");
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            Duration.ofSeconds(10));

    @Test
    void auditsTheFirstAndCountsTheRepeatsWithoutLosingOne() {
        RefusalFloods.Kind oversized = kind("MN-BORDER", "ab12", ErrorCode.MESSAGE_TOO_LARGE, "2 MB");

        assertThat(floods.admit(oversized)).isTrue();
        for (int i = 0; i < 999; i++) {
            assertThat(floods.admit(oversized)).isFalse();
        }
        floods.flush();
        assertThat(trail).as("the window is still open").isEmpty();

        now = now.plusSeconds(11);
        floods.flush();

        assertThat(trail).singleElement().satisfies(event -> {
            assertThat(event.code()).isEqualTo("REFUSALS_AGGREGATED");
            assertThat(event.detail()).startsWith("999 more MESSAGE_TOO_LARGE").endsWith(": 2 MB");
        });
        assertThat(floods.admit(oversized))
                .as("a new window audits the next one again")
                .isTrue();
    }

    @Test
    void keepsDifferentRefusalsApart() {
        assertThat(floods.admit(kind("MN-BORDER", "ab12", ErrorCode.XML_MALFORMED, "a")))
                .isTrue();
        assertThat(floods.admit(kind("MN-BORDER", "ab12", ErrorCode.XML_MALFORMED, "b")))
                .isTrue();
        assertThat(floods.admit(kind("MN-CUSTOMS", "cd34", ErrorCode.XML_MALFORMED, "a")))
                .isTrue();
    }

    @Test
    void writesTheCountsWhenTheNodeStops() {
        RefusalFloods.Kind kind = kind(null, null, ErrorCode.CROSS_SITE_REFUSED, "evil");
        floods.admit(kind);
        floods.admit(kind);

        floods.flushAll();

        assertThat(trail).singleElement().satisfies(event -> assertThat(event.detail())
                .startsWith("1 more"));
    }

    @Test
    void keepsTheSameRefusalAtDifferentStepsApartAndAggregatesEachUnderItsStep() {
        RefusalFloods.Kind intake = kind("MN-BORDER", "ab12", ErrorCode.ACCESS_DENIED, "GET /api/v1/audit/events");
        RefusalFloods.Kind access = new RefusalFloods.Kind(
                AuditStep.ACCESS, intake.actor(), intake.fingerprint(), intake.code(), intake.detail());

        assertThat(floods.admit(intake)).isTrue();
        assertThat(floods.admit(access)).isTrue();
        floods.admit(access);
        floods.flushAll();

        assertThat(trail).singleElement().satisfies(event -> {
            assertThat(event.step()).isEqualTo(AuditStep.ACCESS);
            assertThat(event.actor()).isEqualTo("MN-BORDER");
            assertThat(event.detail()).startsWith("1 more ACCESS_DENIED");
        });
    }

    /** An intake refusal, the kind the submission endpoints record. */
    private static RefusalFloods.Kind kind(String actor, String fingerprint, ErrorCode code, String detail) {
        return new RefusalFloods.Kind(AuditStep.RECEIVE, actor, fingerprint, code.name(), detail);
    }
}
