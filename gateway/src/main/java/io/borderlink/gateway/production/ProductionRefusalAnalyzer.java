package io.borderlink.gateway.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the prod refusal as Spring Boot's start-up failure report: what is wrong, then what to do. */
class ProductionRefusalAnalyzer extends AbstractFailureAnalyzer<ProductionRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionRefusal cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Give each setting named above production material and values (docs/production.md, 'What each node"
                        + " needs'); the development PKI in certs-dev/ and the demo files in config/ are public.",
                cause);
    }
}
