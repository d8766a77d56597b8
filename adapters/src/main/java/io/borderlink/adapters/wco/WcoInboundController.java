package io.borderlink.adapters.wco;

import io.borderlink.adapters.flow.ClientCertificates;
import io.borderlink.adapters.flow.Flows;
import io.borderlink.adapters.flow.RequestBodies;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.Submission;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the customs enforcement network pushes to us: one protected EnforcementMessage per POST
 * (signed by the partner, Report encrypted to the gateway), authenticated by the partner's TLS client
 * certificate under its own CA. The answer is sent once the message is stored; a repeated MessageId
 * gets the first receipt again, marked duplicate.
 */
@RestController
public class WcoInboundController {

    public static final String PATH = "/partners/v1/enforcement-messages";

    private final Flows flows;
    private final int maxDocumentBytes;

    public WcoInboundController(Flows flows, int maxDocumentBytes) {
        this.flows = flows;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @PostMapping(
            path = PATH,
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> receive(HttpServletRequest request) throws IOException {
        byte[] message = RequestBodies.read(request, maxDocumentBytes);
        Receipt receipt = flows.receive(new Submission(message, ClientCertificates.of(request), "REST"));
        return ResponseEntity.accepted().body(receipt);
    }
}
