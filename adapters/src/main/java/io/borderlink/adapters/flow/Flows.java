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
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * Where the endpoints, agency and partner, REST and SOAP, hand over to the flows: by endpoint URI, so
 * the adapters know the flows' contract but not their code.
 */
public final class Flows {

    static final String ACCEPT = "direct:outbound.accept";
    static final String RECEIVE = "direct:inbound.receive";
    static final String STATUS = "direct:exchange.status";
    static final String DELIVERY_RECEIPT = "direct:exchange.delivery-receipt";
    static final String DRY_RUN = "direct:policy.dry-run";
    static final String DRY_RUN_INBOUND = "direct:policy.dry-run-inbound";

    private final ProducerTemplate template;

    public Flows(ProducerTemplate template) {
        this.template = template;
    }

    public Receipt submit(Submission submission) {
        return request(ACCEPT, submission, Receipt.class);
    }

    /** A message a partner pushed to us, for the inbound flow; the receipt names the exchange it became. */
    public Receipt receive(Submission submission) {
        return request(RECEIVE, submission, Receipt.class);
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

    private <T> T request(String endpoint, Object body, Class<T> type) {
        try {
            return template.requestBody(endpoint, body, type);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof GatewayException refusal) {
                throw refusal;
            }
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "the request could not be processed", e.getCause());
        }
    }
}
