package io.borderlink.adapters.flow;

import io.borderlink.contracts.api.DeliveryReceipt;
import io.borderlink.contracts.api.DeliveryReceiptQuery;
import io.borderlink.contracts.api.DryRunRequest;
import io.borderlink.contracts.api.DryRunResult;
import io.borderlink.contracts.api.ExchangeStatus;
import io.borderlink.contracts.api.InboundDryRunRequest;
import io.borderlink.contracts.api.InboundDryRunResult;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.StatusQuery;
import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the endpoints, agency and partner, REST and SOAP, hand over to the flows: by endpoint URI, so
 * the adapters know the flows' contract but not their code.
 *
 * <p>Submissions and partner messages enter their flows a bounded number at a time; the others wait, parked,
 * in arrival order. Each one is CPU work from start to end (verify, decrypt, store, sign the receipt), so more
 * of them at once than the cores can run only makes each slower, and a flood of them would take the CPU from
 * the delivery workers: the node would accept far more than it delivers, and the outbox would grow without
 * bound. A submission that waits longer than the intake allows is refused as {@code INTAKE_BUSY} (503, nothing
 * stored) rather than holding its caller's request and a server thread without end. One caller (one client
 * certificate) may have only so many submissions in the flows or waiting for them; past that its next is refused
 * at once, {@code INTAKE_BUSY} too, so that a caller flooding the intake delays the others by at most that many
 * turns instead of filling the queue ahead of them. Queries and dry runs are not bounded here.
 */
public final class Flows {

    private static final Logger log = LoggerFactory.getLogger(Flows.class);

    static final String ACCEPT = "direct:outbound.accept";
    static final String RECEIVE = "direct:inbound.receive";
    static final String STATUS = "direct:exchange.status";
    static final String DELIVERY_RECEIPT = "direct:exchange.delivery-receipt";
    static final String DRY_RUN = "direct:policy.dry-run";
    static final String DRY_RUN_INBOUND = "direct:policy.dry-run-inbound";

    /** The key of submissions that came with no client certificate (a file drop's import, a test). */
    private static final Object NO_CLIENT = new Object();

    private final ProducerTemplate template;
    private final Semaphore intake;
    private final Duration admissionWait;
    private final int perCaller;
    private final Map<Object, Integer> callers = new ConcurrentHashMap<>();
    private final BiConsumer<Submission, GatewayException> refusals;

    /**
     * @param intakeConcurrency how many submissions and partner messages are in their flows at once
     * @param admissionWait how long one waits for its turn before it is refused
     * @param perCaller how many one client certificate may have in the flows and waiting for them together
     * @param refusals told of each submission refused here, before any flow saw it (to audit it)
     */
    public Flows(
            ProducerTemplate template,
            int intakeConcurrency,
            Duration admissionWait,
            int perCaller,
            BiConsumer<Submission, GatewayException> refusals) {
        this.template = template;
        this.intake = new Semaphore(intakeConcurrency, true);
        this.admissionWait = admissionWait;
        this.perCaller = perCaller;
        this.refusals = refusals;
    }

    public Receipt submit(Submission submission) {
        return admitted(ACCEPT, submission);
    }

    /** A message a partner pushed to us, for the inbound flow; the receipt names the exchange it became. */
    public Receipt receive(Submission submission) {
        return admitted(RECEIVE, submission);
    }

    public ExchangeStatus status(StatusQuery query) {
        return request(STATUS, query, ExchangeStatus.class);
    }

    public DeliveryReceipt deliveryReceipt(DeliveryReceiptQuery query) {
        return request(DELIVERY_RECEIPT, query, DeliveryReceipt.class);
    }

    public DryRunResult dryRun(DryRunRequest request) {
        return request(DRY_RUN, request, DryRunResult.class);
    }

    public InboundDryRunResult dryRunInbound(InboundDryRunRequest request) {
        return request(DRY_RUN_INBOUND, request, InboundDryRunResult.class);
    }

    /**
     * A submission its endpoint refused before any flow saw it (a SOAP body that holds no protected message):
     * audited like one refused here; answers the refusal, for the endpoint to throw.
     */
    public GatewayException refused(Submission submission, GatewayException refusal) {
        refusals.accept(submission, refusal);
        return refusal;
    }

    private Receipt admitted(String endpoint, Submission submission) {
        Object caller = submission.client() == null ? NO_CLIENT : submission.client();
        try {
            if (callers.merge(caller, 1, Integer::sum) > perCaller) {
                throw busy(
                        submission,
                        "this caller already has " + perCaller
                                + " submissions in process or waiting; nothing was stored, submit again later");
            }
            if (!admit()) {
                throw busy(
                        submission,
                        "the gateway is at capacity and did not process the submission within " + admissionWait
                                + "; nothing was stored, submit again later");
            }
            try {
                return request(endpoint, submission, Receipt.class);
            } finally {
                intake.release();
            }
        } finally {
            callers.computeIfPresent(caller, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    private GatewayException busy(Submission submission, String reason) {
        GatewayException busy = new GatewayException(ErrorCode.INTAKE_BUSY, reason);
        refusals.accept(submission, busy);
        return busy;
    }

    /** Submissions waiting for their turn, in all callers. */
    int waiting() {
        return intake.getQueueLength();
    }

    private boolean admit() {
        try {
            return intake.tryAcquire(admissionWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> T request(String endpoint, Object body, Class<T> type) {
        try {
            return template.requestBody(endpoint, body, type);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GatewayException refusal && refusal.code() != ErrorCode.INTERNAL_ERROR) {
                throw refusal;
            }
            // The one log line of an unexpected failure, with its cause: the routes leave it to this entry point
            // (RouteErrorHandling), and the caller learns only the code.
            log.error("{} failed unexpectedly", endpoint, cause);
            throw cause instanceof GatewayException internal
                    ? internal
                    : new GatewayException(ErrorCode.INTERNAL_ERROR, "the request could not be processed", cause);
        }
    }
}
