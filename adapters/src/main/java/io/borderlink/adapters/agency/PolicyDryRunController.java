package io.borderlink.adapters.agency;

import io.borderlink.adapters.flow.ClientCertificates;
import io.borderlink.adapters.flow.Flows;
import io.borderlink.adapters.flow.RequestBodies;
import io.borderlink.contracts.api.DryRunRequest;
import io.borderlink.contracts.api.DryRunResult;
import io.borderlink.contracts.api.InboundDryRunRequest;
import io.borderlink.contracts.api.InboundDryRunResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code dryRunPolicy}: a plaintext exchange in, every partner's decision, trace and partner view out.
 * Nothing is stored or sent, so an agency can see what its exchange would become before it submits it.
 * {@code dryRunInboundPolicy}: the same for the way in, which agencies would receive a partner's exchange.
 */
@RestController
@RequestMapping("/api/v1/policy/dry-run")
public class PolicyDryRunController {

    private final Flows flows;
    private final int maxDocumentBytes;

    public PolicyDryRunController(Flows flows, int maxDocumentBytes) {
        this.flows = flows;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @PostMapping(
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public DryRunResult dryRunPolicy(
            @RequestParam(name = "partner", required = false) List<String> partners, HttpServletRequest request)
            throws IOException {
        byte[] exchange = RequestBodies.read(request, maxDocumentBytes);
        return flows.dryRun(
                new DryRunRequest(exchange, partners == null ? List.of() : partners, ClientCertificates.of(request)));
    }

    @PostMapping(
            path = "/inbound",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public InboundDryRunResult dryRunInboundPolicy(
            @RequestParam("from") String from,
            @RequestParam(name = "agency", required = false) List<String> agencies,
            HttpServletRequest request)
            throws IOException {
        byte[] exchange = RequestBodies.read(request, maxDocumentBytes);
        return flows.dryRunInbound(new InboundDryRunRequest(
                exchange, from, agencies == null ? List.of() : agencies, ClientCertificates.of(request)));
    }
}
