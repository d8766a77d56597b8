package io.borderlink.adapters.agency;

import io.borderlink.adapters.flow.ClientCertificates;
import io.borderlink.adapters.flow.Flows;
import io.borderlink.adapters.flow.RequestBodies;
import io.borderlink.contracts.api.DeliveryReceipt;
import io.borderlink.contracts.api.DeliveryReceiptQuery;
import io.borderlink.contracts.api.ExchangeStatus;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.StatusQuery;
import io.borderlink.contracts.api.Submission;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency REST API of contracts/openapi/borderlink-api.yaml: {@code submitExchange} and {@code getExchange}. */
@RestController
@RequestMapping("/api/v1/exchanges")
public class AgencyExchangeController {

    private final Flows flows;
    private final int maxDocumentBytes;

    public AgencyExchangeController(Flows flows, int maxDocumentBytes) {
        this.flows = flows;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @PostMapping(
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> submitExchange(HttpServletRequest request) throws IOException {
        byte[] document = RequestBodies.read(request, maxDocumentBytes);
        Receipt receipt = flows.submit(new Submission(document, ClientCertificates.of(request), "REST"));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/exchanges/" + receipt.exchangeId()))
                .body(receipt);
    }

    @GetMapping(path = "/{exchangeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ExchangeStatus getExchange(@PathVariable UUID exchangeId, HttpServletRequest request) {
        return flows.status(new StatusQuery(exchangeId, ClientCertificates.of(request)));
    }

    @GetMapping(path = "/{exchangeId}/receipts/{recipientId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DeliveryReceipt getDeliveryReceipt(
            @PathVariable UUID exchangeId, @PathVariable String recipientId, HttpServletRequest request) {
        return flows.deliveryReceipt(new DeliveryReceiptQuery(exchangeId, recipientId, ClientCertificates.of(request)));
    }
}
