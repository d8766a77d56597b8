package io.borderlink.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The share table's owner on a real database: a transition the share's state does not allow is refused
 * with SHARE_STATE_CONFLICT, and neither the share nor the audit trail changes.
 */
class SharesIT extends GatewayTestSupport {

    @Autowired
    private Shares shares;

    /** A share RU-LIAISON already received cannot be resent, released, abandoned or delivered again. */
    @Test
    void refusesEveryChangeOfADeliveredShareAndChangesNothing() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        agency("mn-border").submit(protect(incident, "mn-border"));
        UUID exchangeId = incident.header().exchangeId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED".equals(ruLiaisonShare(exchangeId).get("state")));
        Map<String, Object> delivered = ruLiaisonShare(exchangeId);
        UUID shareId = (UUID) delivered.get("id");
        ShareRef share = new ShareRef(shareId, exchangeId, "RU-LIAISON");
        Lease staleLease = new Lease(
                shareId, exchangeId, "RU-LIAISON", Direction.OUTBOUND, 2, (String) delivered.get("view_digest"));
        AuditEvent event =
                AuditEvent.of(AuditStep.DEAD_LETTER_ADMIN, Outcome.RETRY).actor("admin-1", null);
        int events = auditOf(exchangeId).size();

        assertRefused(() -> shares.resend(share, event), shareId, ShareTransition.RESEND);
        assertRefused(() -> shares.abandon(share, "admin-1", "sent by fax", event), shareId, ShareTransition.ABANDON);
        assertRefused(() -> shares.release(share, event), shareId, ShareTransition.RELEASE);
        assertRefused(() -> shares.deliver(staleLease, List.of(event)), shareId, ShareTransition.DELIVER);

        assertThat(ruLiaisonShare(exchangeId)).isEqualTo(delivered);
        assertThat(auditOf(exchangeId)).hasSize(events);
    }

    @Test
    void answersNotFoundForAShareThatDoesNotExist() {
        ShareRef unknown = new ShareRef(UUID.randomUUID(), UUID.randomUUID(), "RU-LIAISON");

        assertThatThrownBy(() -> shares.expire(unknown, AuditEvent.of(AuditStep.APPROVAL, Outcome.FAILED)))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private Map<String, Object> ruLiaisonShare(UUID exchangeId) {
        return jdbc.queryForMap(
                "SELECT * FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON'", exchangeId);
    }

    private static void assertRefused(ThrowingCallable transition, UUID shareId, ShareTransition refused) {
        assertThatThrownBy(transition).isInstanceOfSatisfying(ShareStateConflict.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SHARE_STATE_CONFLICT);
            assertThat(e.shareId()).isEqualTo(shareId);
            assertThat(e.state()).isEqualTo(ShareState.DELIVERED);
            assertThat(e.transition()).isEqualTo(refused);
        });
    }
}
