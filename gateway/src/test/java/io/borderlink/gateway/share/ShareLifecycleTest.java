package io.borderlink.gateway.share;

import static io.borderlink.gateway.share.ShareState.ABANDONED;
import static io.borderlink.gateway.share.ShareState.DEAD_LETTER;
import static io.borderlink.gateway.share.ShareState.DELIVERED;
import static io.borderlink.gateway.share.ShareState.DENIED;
import static io.borderlink.gateway.share.ShareState.EXPIRED;
import static io.borderlink.gateway.share.ShareState.HANDED_OVER;
import static io.borderlink.gateway.share.ShareState.HELD;
import static io.borderlink.gateway.share.ShareState.PENDING;
import static io.borderlink.gateway.share.ShareState.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.share.ShareTransition.LeaseCondition;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The share state machine on its own, every state against every transition and every state against every
 * other: what the lifecycle allows must be exactly the table written out here once more by hand.
 */
class ShareLifecycleTest {

    private static final UUID SHARE = UUID.fromString("8f6f3c1e-2b1d-4c3e-9a57-3f0c2d4e5a61");

    /** Each transition: the one state it starts from, the state it leads to. */
    private static final Map<ShareTransition, List<ShareState>> TABLE = Map.ofEntries(
            Map.entry(ShareTransition.CLAIM, List.of(PENDING, PENDING)),
            Map.entry(ShareTransition.PUT_BACK, List.of(PENDING, PENDING)),
            Map.entry(ShareTransition.HAND_OVER, List.of(PENDING, PENDING)),
            Map.entry(ShareTransition.DELIVER, List.of(PENDING, DELIVERED)),
            Map.entry(ShareTransition.DROP_OFF, List.of(PENDING, HANDED_OVER)),
            Map.entry(ShareTransition.CONFIRM, List.of(HANDED_OVER, DELIVERED)),
            Map.entry(ShareTransition.RETRY, List.of(PENDING, PENDING)),
            Map.entry(ShareTransition.DEAD_LETTER, List.of(PENDING, DEAD_LETTER)),
            Map.entry(ShareTransition.RESEND, List.of(DEAD_LETTER, PENDING)),
            Map.entry(ShareTransition.ABANDON, List.of(DEAD_LETTER, ABANDONED)),
            Map.entry(ShareTransition.RELEASE, List.of(HELD, PENDING)),
            Map.entry(ShareTransition.REVIEW, List.of(HELD, HELD)),
            Map.entry(ShareTransition.REJECT, List.of(HELD, REJECTED)),
            Map.entry(ShareTransition.EXPIRE, List.of(HELD, EXPIRED)),
            Map.entry(ShareTransition.DENY, List.of(HELD, DENIED)));

    /** Every change of stored state the lifecycle allows, whatever the transition. */
    private static final Set<String> STATE_CHANGES = Set.of(
            "PENDING->PENDING",
            "PENDING->DELIVERED",
            "PENDING->HANDED_OVER",
            "HANDED_OVER->DELIVERED",
            "PENDING->DEAD_LETTER",
            "DEAD_LETTER->PENDING",
            "DEAD_LETTER->ABANDONED",
            "HELD->PENDING",
            "HELD->HELD",
            "HELD->REJECTED",
            "HELD->EXPIRED",
            "HELD->DENIED");

    static Stream<Arguments> everyStateWithEveryTransition() {
        return Stream.of(ShareState.values())
                .flatMap(state -> Stream.of(ShareTransition.values()).map(t -> Arguments.of(state, t)));
    }

    static Stream<Arguments> everyPairOfStates() {
        return Stream.of(ShareState.values())
                .flatMap(from -> Stream.of(ShareState.values()).map(to -> Arguments.of(from, to)));
    }

    @Test
    void knowsEveryTransitionOfTheTable() {
        assertThat(ShareTransition.values()).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
        TABLE.forEach((transition, fromTo) -> {
            assertThat(transition.from()).as("%s from", transition).isEqualTo(fromTo.get(0));
            assertThat(transition.to()).as("%s to", transition).isEqualTo(fromTo.get(1));
        });
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateWithEveryTransition")
    void allowsATransitionOnlyFromItsState(ShareState state, ShareTransition transition) {
        boolean allowed = TABLE.get(transition).get(0) == state;

        assertThat(ShareLifecycle.allows(state, transition)).isEqualTo(allowed);
        if (!allowed) {
            ShareStateConflict refused = ShareLifecycle.refused(SHARE, state, transition);
            assertThat(refused.code()).isEqualTo(ErrorCode.SHARE_STATE_CONFLICT);
            assertThat(refused.shareId()).isEqualTo(SHARE);
            assertThat(refused.state()).isEqualTo(state);
            assertThat(refused.transition()).isEqualTo(transition);
            assertThat(refused.getMessage())
                    .isEqualTo("share " + SHARE + " is " + state + ": " + transition + " needs " + transition.from());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void changesStateOnlyAlongTheTable(ShareState from, ShareState to) {
        assertThat(ShareLifecycle.allows(from, to)).isEqualTo(STATE_CHANGES.contains(from + "->" + to));
    }

    @Test
    void opensEachShareInTheStateItsDecisionGives() {
        assertThat(ShareLifecycle.opened(Decision.RELEASE)).isEqualTo(PENDING);
        assertThat(ShareLifecycle.opened(Decision.HOLD)).isEqualTo(HELD);
        assertThat(ShareLifecycle.opened(Decision.DENY)).isEqualTo(DENIED);
    }

    @Test
    void leavesDeliveredAbandonedRejectedExpiredAndDeniedSharesAsTheyAre() {
        Set<ShareState> finals = EnumSet.noneOf(ShareState.class);
        for (ShareState state : ShareState.values()) {
            if (ShareLifecycle.next(state).isEmpty()) {
                finals.add(state);
            }
        }

        assertThat(finals).containsExactlyInAnyOrder(DELIVERED, ABANDONED, REJECTED, EXPIRED, DENIED);
    }

    /** Only the node holding the lease records how an attempt ended; a claim needs the lease free. */
    @Test
    void needsThisNodesLeaseOnlyForWhatEndsOrHandsBackAnAttempt() {
        Set<ShareTransition> thisNode = EnumSet.noneOf(ShareTransition.class);
        for (ShareTransition transition : ShareTransition.values()) {
            if (transition.lease() == LeaseCondition.THIS_NODE) {
                thisNode.add(transition);
            }
        }

        assertThat(thisNode)
                .containsExactlyInAnyOrder(
                        ShareTransition.PUT_BACK,
                        ShareTransition.HAND_OVER,
                        ShareTransition.DELIVER,
                        ShareTransition.DROP_OFF,
                        ShareTransition.RETRY,
                        ShareTransition.DEAD_LETTER);
        assertThat(ShareTransition.CLAIM.lease()).isEqualTo(LeaseCondition.FREE);
    }

    /** A file drop hands a share over without an answer; only the recipient's receipt file delivers it. */
    @Test
    void handsAFileOverAndDeliversItOnlyOnAReceipt() {
        assertThat(ShareLifecycle.next(PENDING)).contains(HANDED_OVER);
        assertThat(ShareLifecycle.next(HANDED_OVER)).containsExactly(DELIVERED);
        assertThat(ShareLifecycle.allows(HANDED_OVER, ShareTransition.CONFIRM)).isTrue();
        assertThat(ShareLifecycle.allows(HANDED_OVER, ShareTransition.RESEND)).isFalse();
        assertThat(ShareLifecycle.refused(SHARE, DELIVERED, ShareTransition.CONFIRM)
                        .getMessage())
                .endsWith("CONFIRM needs HANDED_OVER");
    }

    /** The state allows it, but another node took the lease over: refused with the same code, saying why. */
    @Test
    void refusesAnOutcomeFromANodeThatLostTheLease() {
        ShareStateConflict refused = ShareLifecycle.refused(SHARE, PENDING, ShareTransition.DELIVER);

        assertThat(refused.code()).isEqualTo(ErrorCode.SHARE_STATE_CONFLICT);
        assertThat(refused.getMessage()).endsWith("this node no longer holds its lease");
    }
}
