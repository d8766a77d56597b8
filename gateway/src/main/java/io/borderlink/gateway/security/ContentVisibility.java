package io.borderlink.gateway.security;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.SourceDetails;
import io.borderlink.gateway.audit.AuditStep;
import java.util.EnumSet;
import java.util.Set;

/**
 * What of an exchange's content each role sees in the views people read: the one owner of that decision.
 * {@link SecurityConfiguration} decides who reaches a view at all; this decides what a view that was reached
 * shows. Redaction is silent: a withheld value reads {@value #WITHHELD}, nothing is refused. The matrix is in
 * docs/architecture.md ("What each role sees").
 */
public final class ContentVisibility {

    /** What stands in for a value the viewer may not see, so they see that there was one. */
    public static final String WITHHELD = "[withheld]";

    /** The views that show something of an exchange and answer differently by role. */
    public enum View {
        /** A held share as an officer reviews it: console task page and {@code GET /api/v1/approvals/{id}}. */
        APPROVAL_TASK,
        /** One exchange in the console: its shares and the audit events that concern it. */
        EXCHANGE_PAGE
    }

    /** How much of an exchange a view shows. */
    public enum Sight {
        /**
         * Ids, states, codes, digests, partners, markings, times, rule ids and the policy trace: what an operator
         * needs to keep deliveries going, and no value of the document, no narrative and no one's free text.
         */
        METADATA,
        /** The content, with the source's identity and the originator's internal notes withheld. */
        CONTENT
    }

    /**
     * Steps whose audit detail the gateway writes about its own mechanics (rules, formats, attempts, circuits,
     * keys, retention), never quoting a document or a person's reason; an administrator reads those details.
     * The others (a refused document's parse error, an officer's reason, an auditor's hold) may say what the
     * content says.
     */
    private static final Set<AuditStep> OPERATIONAL_DETAIL = EnumSet.of(
            AuditStep.ACCEPT,
            AuditStep.DECIDE,
            AuditStep.TRANSLATE,
            AuditStep.PROTECT,
            AuditStep.DELIVER,
            AuditStep.DEAD_LETTER,
            AuditStep.DEAD_LETTER_ADMIN,
            AuditStep.CIRCUIT,
            AuditStep.PURGED,
            AuditStep.KEY_ROTATION);

    private ContentVisibility() {}

    /**
     * Officers need the content to decide a share, auditors to check the decision; an administrator operates
     * the gateway without reading what passes through it. Anyone else (an agency or partner system, a monitor)
     * never reaches these views, and would see metadata if it did.
     */
    public static Sight sight(String role, View view) {
        return switch (view) {
            case APPROVAL_TASK, EXCHANGE_PAGE ->
                "OFFICER".equals(role) || "AUDITOR".equals(role) ? Sight.CONTENT : Sight.METADATA;
        };
    }

    public static Sight sight(Caller caller, View view) {
        return sight(caller.role(), view);
    }

    /**
     * The exchange as people may read it in any view: the source's name, registration code and handler and the
     * internal notes withheld. Nobody in the console or the people's APIs needs them: the partner view never
     * carries them, the policy removes them for every partner, and the leak check names their kind, not their
     * value. The description of the source stays, so an officer can judge whether a narrative points at it.
     */
    public static Exchange forPeople(Exchange exchange) {
        Body body = exchange.body();
        SourceDetails source = body.sourceDetails();
        Body withheld = new Body(
                body.subjects(),
                body.associations(),
                body.narrative(),
                body.tearlines(),
                source == null
                        ? null
                        : new SourceDetails(
                                source.description(),
                                withheld(source.name()),
                                withheld(source.sourceCode()),
                                withheld(source.handler())),
                withheld(body.internalNotes()));
        return exchange.withBody(withheld);
    }

    /** An audit event's detail as a view at this sight shows it. */
    public static String eventDetail(Sight sight, AuditStep step, String detail) {
        return sight == Sight.CONTENT || detail == null || OPERATIONAL_DETAIL.contains(step) ? detail : WITHHELD;
    }

    private static String withheld(String value) {
        return value == null ? null : WITHHELD;
    }
}
