package io.borderlink.gateway.approval;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.gateway.approval.ApprovalRecords.Verdict;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.audit.TypedText;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.OfficerNarrative;
import io.borderlink.gateway.policy.Policy.NarrativeRule;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.share.Share;
import io.borderlink.gateway.share.ShareState;
import io.borderlink.gateway.share.Shares;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approve step's commands: officers approve or reject held shares, or edit the narrative they will
 * send, and tasks nobody decided expire. An approval counts only for the exact partner view and policy
 * version it was given for, and once per officer ({@link ApprovalRecords}). When the policy in force now
 * gives another view, or an officer edits its narrative, the task is brought up to date and earlier
 * approvals stop counting. Concurrent actions on one task, from any node, give
 * exactly one outcome: {@link TaskLocks} keeps them apart cheaply, the share row lock in the database
 * decides. The share itself changes only through {@link Shares}.
 */
@Component
public class ApprovalDecisions {

    private static final int MAX_REASON = 1000;
    /** An outgoing narrative is a summary, not a file: a partner format carries it in one text field. */
    private static final int MAX_NARRATIVE = 20_000;

    private static final String GATEWAY = "gateway";
    private static final String POLICY = "policy";
    private static final String NARRATIVE_EDIT = "narrative-edit";

    private final TransactionTemplate transactions;
    private final Shares shares;
    private final ApprovalRecords records;
    private final ApprovalQueue queue;
    private final EvidenceStore evidence;
    private final CurrentPolicy policy;
    private final AuditTrail audit;
    private final TaskLocks locks;
    private final ApprovalSettings settings;
    private final Clock clock;

    ApprovalDecisions(
            TransactionTemplate transactions,
            Shares shares,
            ApprovalRecords records,
            ApprovalQueue queue,
            EvidenceStore evidence,
            CurrentPolicy policy,
            AuditTrail audit,
            TaskLocks locks,
            ApprovalSettings settings,
            Clock clock) {
        this.transactions = transactions;
        this.shares = shares;
        this.records = records;
        this.queue = queue;
        this.evidence = evidence;
        this.policy = policy;
        this.audit = audit;
        this.locks = locks;
        this.settings = settings;
        this.clock = clock;
    }

    public Result approve(UUID shareId, String shownDigest, Caller officer, String reason) {
        return decide(shareId, shownDigest, officer, reason, Verdict.APPROVE);
    }

    public Result reject(UUID shareId, String shownDigest, Caller officer, String reason) {
        return decide(shareId, shownDigest, officer, reason, Verdict.REJECT);
    }

    /**
     * Replaces the narrative of the partner view the officer was shown by their text (blank: no narrative).
     * The text is part of the view, so the view gets a new digest and approvals of the old one stop
     * counting; it is leak-checked like any text, and the share stays held until officers approve it.
     */
    public Result editNarrative(UUID shareId, String shownDigest, Caller officer, String text) {
        String released = text == null ? "" : text.strip();
        return locked(shareId, officer, () -> editLocked(shareId, shownDigest, officer, released));
    }

    /** Expires every task that waited longer than allowed; returns how many. */
    public int expireOverdue() {
        int expired = 0;
        for (UUID shareId : queue.overdue(clock.instant().minus(settings.expireAfter()))) {
            Boolean done = transactions.execute(status -> shares.lock(shareId)
                    .filter(share -> share.state() == ShareState.HELD)
                    .map(share -> {
                        shares.expire(
                                share.ref(),
                                event(share, Outcome.FAILED, ErrorCode.APPROVAL_CLOSED.name(), GATEWAY, null)
                                        .detail("expired after " + settings.expireAfter() + " without a decision"));
                        return true;
                    })
                    .orElse(false));
            expired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return expired;
    }

    private Result decide(UUID shareId, String shownDigest, Caller officer, String reason, Verdict verdict) {
        String why = reason == null ? "" : reason.strip();
        return locked(shareId, officer, () -> decideLocked(shareId, shownDigest, officer, why, verdict));
    }

    /**
     * Runs a command on one task, apart from any other on it; a refusal is thrown once its changes committed (the
     * command audited it with the task it read). One that came before any task was read (no such share), or from the
     * database's constraint, is audited here, after its transaction rolled back.
     */
    private Result locked(UUID shareId, Caller officer, Supplier<Result> command) {
        boolean locked = locks.lock(shareId);
        Result result;
        try {
            result = transactions.execute(status -> command.get());
        } catch (DuplicateKeyException e) {
            // Another node let the same officer in between our check and our insert; the constraint decided.
            throw unreadRefusal(
                    shareId,
                    officer,
                    new GatewayException(
                            ErrorCode.APPROVAL_DUPLICATE, officer.id() + " already decided on this view", e));
        } catch (GatewayException e) {
            throw unreadRefusal(shareId, officer, e);
        } finally {
            if (locked) {
                locks.unlock(shareId);
            }
        }
        if (result.error() != null) {
            throw new GatewayException(result.error(), result.message());
        }
        return result;
    }

    private GatewayException unreadRefusal(UUID shareId, Caller officer, GatewayException refusal) {
        audit.record(AuditEvent.of(AuditStep.APPROVAL, Outcome.REJECTED)
                .code(refusal.code())
                .actor(officer.id(), officer.certificate())
                .detail("share " + shareId + ": " + refusal.getMessage()));
        return refusal;
    }

    /** Runs inside one transaction holding the share row's lock; state changes commit even when the answer is an error. */
    private Result decideLocked(UUID shareId, String shownDigest, Caller officer, String reason, Verdict verdict) {
        Share share = shares.lock(shareId)
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no share " + shareId));
        Result refused = reason.isEmpty() || reason.length() > MAX_REASON
                ? Result.error(ErrorCode.REASON_REQUIRED, "a reason of 1 to " + MAX_REASON + " characters is required")
                : typed(reason).orElseGet(() -> refusal(share, shownDigest, officer));
        if (refused == null && records.alreadyDecided(shareId, share.viewDigest(), officer.id())) {
            refused =
                    Result.error(ErrorCode.APPROVAL_DUPLICATE, officer.id() + " already decided on this partner view");
        }
        if (refused != null) {
            return audited(share, officer, refused);
        }
        if (verdict == Verdict.APPROVE && share.approvers() < 2 && officer.id().equals(share.narrativeEditedBy())) {
            // Four eyes on every text that leaves: where one approval releases, it may not be the author's.
            return refused(
                    share,
                    officer,
                    ErrorCode.APPROVAL_NOT_ALLOWED,
                    officer.id() + " wrote the narrative of this partner view and may not release it alone",
                    "you wrote this narrative: another officer approves it");
        }
        records.record(share, officer, reason, verdict);
        return verdict == Verdict.REJECT ? rejected(share, officer, reason) : approved(share, officer, reason);
    }

    private Result editLocked(UUID shareId, String shownDigest, Caller officer, String text) {
        Share share = shares.lock(shareId)
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no share " + shareId));
        Result refused = text.length() > MAX_NARRATIVE
                ? Result.error(ErrorCode.REQUEST_INVALID, "a narrative of at most " + MAX_NARRATIVE + " characters")
                : typed(text).orElseGet(() -> refusal(share, shownDigest, officer));
        if (refused != null) {
            return audited(share, officer, refused);
        }
        Exchange original = evidence.signedOriginal(share.exchangeId());
        ShareDecision now = policy.decide(share, original);
        if (now.narrative().rule() == NarrativeRule.DROP) {
            return refused(
                    share,
                    officer,
                    ErrorCode.NARRATIVE_NOT_RELEASABLE,
                    "the policy of " + share.recipientId() + " lets no narrative leave (DROP)",
                    "the policy of " + share.recipientId() + " lets no narrative leave; there is nothing to edit");
        }
        Narrative shown = now.view().body().narrative();
        String lang = shown != null
                ? shown.lang()
                : original.body().narrative() != null
                        ? original.body().narrative().lang()
                        : "en";
        ShareDecision edited = policy.decide(
                share, original, new OfficerNarrative(officer.id(), text.isEmpty() ? null : new Narrative(text, lang)));
        if (edited.viewDigest().equals(share.viewDigest())) {
            return new Result(
                    ShareState.HELD, 0, share.approvers(), share.viewDigest(), null, "the narrative is unchanged");
        }
        evidence.store(
                share.exchangeId(),
                EvidenceKind.PARTNER_VIEW,
                share.recipientId(),
                edited.viewDigest(),
                edited.viewBytes(),
                clock.instant());
        String leaks = edited.narrative().hits().isEmpty()
                ? "leak check: no hit"
                : "leak check: " + edited.narrative().hits();
        shares.editNarrative(
                share.ref(),
                edited,
                officer.id(),
                event(share, Outcome.HELD, NARRATIVE_EDIT, officer.id(), officer.certificate())
                        .digest(edited.viewDigest())
                        .detail("narrative " + (text.isEmpty() ? "removed" : "edited") + "; partner view "
                                + share.viewDigest() + " replaced by " + edited.viewDigest()
                                + ", earlier approvals no longer count; " + leaks));
        return new Result(
                ShareState.HELD,
                0,
                edited.approvers(),
                edited.viewDigest(),
                null,
                "narrative " + (text.isEmpty() ? "removed" : "edited") + ": approve the new partner view (" + leaks
                        + ")");
    }

    /**
     * Why an officer may not act on this task as shown, or null when they may: it must be held and not
     * expired, not of the officer's own agency, still what the policy in force gives (otherwise it is
     * brought up to date), and the view the officer was shown. An officer who wrote the view's narrative may
     * edit it again or reject it, and approve it only beside another officer.
     */
    private Result refusal(Share share, String shownDigest, Caller officer) {
        if (share.state() != ShareState.HELD) {
            return Result.error(ErrorCode.APPROVAL_CLOSED, "the task is " + share.state() + ", no longer open");
        }
        if (clock.instant().isAfter(share.receivedAt().plus(settings.expireAfter()))) {
            shares.expire(
                    share.ref(),
                    event(share, Outcome.FAILED, ErrorCode.APPROVAL_CLOSED.name(), GATEWAY, null)
                            .detail("expired"));
            return Result.error(ErrorCode.APPROVAL_CLOSED, "the task expired");
        }
        Exchange original = evidence.signedOriginal(share.exchangeId());
        if (officer.agency() != null
                && officer.agency().equals(original.header().originator())) {
            return Result.error(
                    ErrorCode.APPROVAL_NOT_ALLOWED,
                    "an officer of " + officer.agency() + " may not decide a share of their own agency");
        }
        ShareDecision now = policy.decide(share, original);
        if (now.decision() == Decision.DENY) {
            shares.deny(
                    share.ref(),
                    event(share, Outcome.DENIED, now.ruleId(), POLICY, null)
                            .detail("the policy in force now denies the share (" + now.policyVersion() + "): "
                                    + now.reason()));
            return Result.error(
                    ErrorCode.APPROVAL_CLOSED, "the policy in force now denies this share: " + now.reason());
        }
        if (!now.viewDigest().equals(share.viewDigest()) || !now.policyVersion().equals(share.policyVersion())) {
            review(share, now);
            return Result.error(
                    ErrorCode.VIEW_CHANGED,
                    "the partner view changed under policy " + now.policyVersion()
                            + "; earlier approvals no longer count, review it again");
        }
        if (!share.viewDigest().equals(shownDigest)) {
            return Result.error(ErrorCode.VIEW_CHANGED, "this is not the partner view you were shown; review it again");
        }
        return null;
    }

    private Result rejected(Share share, Caller officer, String reason) {
        shares.reject(
                share.ref(),
                event(share, Outcome.REJECTED, null, officer.id(), officer.certificate())
                        .detail("rejected: " + reason));
        return new Result(ShareState.REJECTED, 0, share.approvers(), share.viewDigest(), null, "rejected");
    }

    /** Releases the share once enough distinct officers approved its current view. */
    private Result approved(Share share, Caller officer, String reason) {
        int approvals = records.approvals(share.shareId(), share.viewDigest());
        String counted = "approved (" + approvals + " of " + share.approvers() + ")";
        if (approvals >= share.approvers()) {
            shares.release(
                    share.ref(),
                    event(share, Outcome.RELEASED, null, officer.id(), officer.certificate())
                            .detail(counted + ", released: " + reason));
            return new Result(
                    ShareState.PENDING,
                    approvals,
                    share.approvers(),
                    share.viewDigest(),
                    null,
                    "released to " + share.recipientId());
        }
        audit.record(event(share, Outcome.OK, null, officer.id(), officer.certificate())
                .detail(counted + ": " + reason));
        return new Result(
                ShareState.HELD,
                approvals,
                share.approvers(),
                share.viewDigest(),
                null,
                "approval " + approvals + " of " + share.approvers() + " recorded");
    }

    /** Brings a task up to date with the policy in force; approvals for the old view stay recorded but stop counting. */
    private void review(Share share, ShareDecision now) {
        evidence.store(
                share.exchangeId(),
                EvidenceKind.PARTNER_VIEW,
                share.recipientId(),
                now.viewDigest(),
                now.viewBytes(),
                clock.instant());
        shares.review(
                share.ref(),
                now,
                event(share, Outcome.HELD, ErrorCode.VIEW_CHANGED.name(), POLICY, null)
                        .digest(now.viewDigest())
                        .detail("partner view changed under policy " + now.policyVersion()
                                + "; earlier approvals no longer count"));
        if (now.decision() == Decision.RELEASE) {
            shares.release(
                    share.ref(),
                    event(share, Outcome.RELEASED, null, POLICY, null)
                            .detail("the policy in force now releases the share without approval"));
        }
    }

    /** What an officer typed, refused when a partner document or the audit trail could not carry it as read. */
    private static Optional<Result> typed(String text) {
        return TypedText.problem(text).map(problem -> Result.error(ErrorCode.REQUEST_INVALID, problem));
    }

    /** Audits an officer's action refused with a code, its message as the detail, and answers the refusal. */
    private Result audited(Share share, Caller officer, Result refusal) {
        return refused(share, officer, refusal.error(), refusal.message(), refusal.message());
    }

    /** Audits an officer's action refused with a code, and answers the refusal. */
    private Result refused(Share share, Caller officer, ErrorCode code, String detail, String message) {
        audit.record(event(share, Outcome.REJECTED, code.name(), officer.id(), officer.certificate())
                .detail(detail));
        return Result.error(code, message);
    }

    /** An APPROVAL event about the share's view as it was read; {@code detail} is added by the caller. */
    private static AuditEvent event(Share share, Outcome outcome, String code, String actor, String certificate) {
        return AuditEvent.of(AuditStep.APPROVAL, outcome)
                .about(share.exchangeId(), share.recipientId())
                .code(code)
                .actor(actor, certificate)
                .digest(share.viewDigest());
    }

    /**
     * What an officer's action led to: the share's state, approvals counted for the current view out of
     * those required, the digest of that view (an edit gives a new one), and on refusal the stable code.
     */
    public record Result(
            ShareState state, int approvals, int required, String viewDigest, ErrorCode error, String message) {
        static Result error(ErrorCode code, String message) {
            return new Result(null, 0, 0, null, code, message);
        }
    }
}
