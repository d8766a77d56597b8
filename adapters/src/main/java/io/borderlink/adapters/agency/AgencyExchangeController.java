package io.borderlink.adapters.agency;

import io.borderlink.contracts.api.ExchangeStatus;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.StatusQuery;
import io.borderlink.contracts.api.Submission;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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

    private final AgencyIntake intake;
    private final int maxDocumentBytes;

    public AgencyExchangeController(AgencyIntake intake, int maxDocumentBytes) {
        this.intake = intake;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * Reads at most one byte more than the limit, so an oversized body never fills memory and still
     * reaches the flow, which refuses it with {@code MESSAGE_TOO_LARGE} and audits the refusal.
     */
    @PostMapping(
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> submitExchange(HttpServletRequest request) throws IOException {
        byte[] document;
        try (InputStream body = request.getInputStream()) {
            document = body.readNBytes(maxDocumentBytes + 1);
        }
        Receipt receipt = intake.submit(new Submission(document, ClientCertificates.of(request), "REST"));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/exchanges/" + receipt.exchangeId()))
                .body(receipt);
    }

    @GetMapping(path = "/{exchangeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ExchangeStatus getExchange(@PathVariable UUID exchangeId, HttpServletRequest request) {
        return intake.status(new StatusQuery(exchangeId, ClientCertificates.of(request)));
    }
}
