package io.borderlink.gateway.agency;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.config.CaseResult;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.policy.ShareDecision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the test cases that sit beside each agency file ({@code <agency>/cases/*.yml}) against its inbound
 * section, as the partners' policy cases are run against their policies. The build runs them, and the gateway
 * does not start with agency files that fail one of their own cases.
 */
public final class InboundCases {

    private final YamlRecords yaml;

    public InboundCases(YamlRecords yaml) {
        this.yaml = yaml;
    }

    /** Every case of every agency in the directory; case folders are named after the agency file. */
    public List<CaseResult> run(AgencyDirectory directory, Path agenciesFolder) {
        List<CaseResult> results = new ArrayList<>();
        for (Agency agency : directory.all()) {
            Path cases = agenciesFolder
                    .resolve(directory.fileName(agency.id()).orElseThrow())
                    .resolve("cases");
            for (Path file : YamlRecords.filesIn(cases)) {
                InboundCase inboundCase = yaml.read(file, InboundCase.class);
                results.add(new CaseResult(
                        file, agency.id(), inboundCase.description(), check(directory, agency, inboundCase)));
            }
        }
        return results;
    }

    /** Refuses agency files whose inbound sections fail any of their cases, naming each failing case file. */
    public void requirePassing(AgencyDirectory directory, Path agenciesFolder) {
        CaseResult.requirePassing(run(directory, agenciesFolder), "agency inbound cases");
    }

    private static String check(AgencyDirectory directory, Agency agency, InboundCase inboundCase) {
        if (agency.inbound() == null) {
            return agency.id() + " has no inbound section to test";
        }
        ShareDecision decision =
                InboundPolicy.decide(agency, inboundCase.from(), input(inboundCase), directory.version());
        InboundCase.Expect expect = inboundCase.expect();
        List<String> problems = new ArrayList<>();
        if (decision.decision() != expect.decision()) {
            problems.add("decision " + decision.decision() + " (" + decision.ruleId() + ": " + decision.reason()
                    + "), expected " + expect.decision());
        }
        if (expect.rule() != null && !expect.rule().equals(decision.ruleId())) {
            problems.add("rule " + decision.ruleId() + ", expected " + expect.rule());
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The category's sample as the partner would send it: its originator, the case's addressees and markings. */
    private static Exchange input(InboundCase inboundCase) {
        Exchange sample = ExchangeXml.read(SecureXml.parse(Samples.byCategory(inboundCase.sample())));
        Header h = sample.header();
        return sample.withHeader(new Header(
                        h.exchangeId(),
                        h.correlationId(),
                        h.createdAt(),
                        inboundCase.from(),
                        inboundCase.addressees(),
                        h.category(),
                        h.purpose(),
                        h.sourceRefs()))
                .withMarkings(inboundCase.markings().over(sample.markings()));
    }
}
