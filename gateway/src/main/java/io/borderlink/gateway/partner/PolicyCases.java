package io.borderlink.gateway.partner;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.Tearline;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.config.CaseResult;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.policy.LeakHit;
import io.borderlink.gateway.policy.LeakKind;
import io.borderlink.gateway.policy.NarrativeOutcome;
import io.borderlink.gateway.policy.PolicyEngine;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.ShareDecision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the test cases that sit beside each partner file ({@code <partner>/cases/*.yml}) against the
 * policy in that file. The build runs them, and a reload that breaks one of its own cases is refused.
 */
public final class PolicyCases {

    private final YamlRecords yaml;
    private final PolicyEngine engine;

    public PolicyCases(YamlRecords yaml, PolicyEngine engine) {
        this.yaml = yaml;
        this.engine = engine;
    }

    /** Every case of every partner in the directory; case folders are named after the partner file. */
    public List<CaseResult> run(PartnerDirectory directory, Path partnersFolder) {
        List<CaseResult> results = new ArrayList<>();
        for (Partner partner : directory.all()) {
            Path cases =
                    partnersFolder.resolve(directory.fileName(partner.id())).resolve("cases");
            for (Path file : YamlRecords.filesIn(cases)) {
                PolicyCase policyCase = yaml.read(file, PolicyCase.class);
                results.add(new CaseResult(
                        file, partner.id(), policyCase.description(), check(directory, partner, policyCase)));
            }
        }
        return results;
    }

    /** Refuses a directory whose policies fail any of their cases, naming each failing case file. */
    public void requirePassing(PartnerDirectory directory, Path partnersFolder) {
        CaseResult.requirePassing(run(directory, partnersFolder), "policy cases");
    }

    private String check(PartnerDirectory directory, Partner partner, PolicyCase policyCase) {
        Exchange exchange = input(policyCase);
        boolean named = policyCase.addressed() != null
                ? policyCase.addressed()
                : exchange.header().addressees().contains(partner.id());
        ShareDecision decision = engine.decide(exchange, directory.policyTarget(partner), named, Mode.RULES_ONLY);
        PolicyCase.Expect expect = policyCase.expect();
        List<String> problems = new ArrayList<>();
        if (decision.decision() != expect.decision()) {
            problems.add("decision " + decision.decision() + " (" + decision.ruleId() + ": " + decision.reason()
                    + "), expected " + expect.decision());
        }
        if (expect.rule() != null && !expect.rule().equals(decision.ruleId())) {
            problems.add("rule " + decision.ruleId() + ", expected " + expect.rule());
        }
        if (expect.approvers() != null && expect.approvers() != decision.approvers()) {
            problems.add(decision.approvers() + " approvers, expected " + expect.approvers());
        }
        String view = decision.viewBytes() == null ? "" : new String(decision.viewBytes(), StandardCharsets.UTF_8);
        expect.viewContains().stream()
                .filter(text -> !view.contains(text))
                .forEach(text -> problems.add("partner view lacks '" + text + "'"));
        expect.viewExcludes().stream()
                .filter(view::contains)
                .forEach(text -> problems.add("partner view contains '" + text + "'"));
        problems.addAll(narrativeProblems(expect, decision.narrative()));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static List<String> narrativeProblems(PolicyCase.Expect expect, NarrativeOutcome outcome) {
        List<String> problems = new ArrayList<>();
        if (expect.narrative() != null && (outcome == null || outcome.source() != expect.narrative())) {
            problems.add("narrative " + (outcome == null ? "none decided" : outcome.source()) + ", expected "
                    + expect.narrative());
        }
        if (expect.leakHits() != null) {
            Set<LeakKind> found = outcome == null
                    ? Set.of()
                    : outcome.hits().stream().map(LeakHit::kind).collect(Collectors.toSet());
            if (!found.equals(Set.copyOf(expect.leakHits()))) {
                problems.add("leak-check hits " + (outcome == null ? "[]" : outcome.hits()) + ", expected "
                        + expect.leakHits());
            }
        }
        return problems;
    }

    private static Exchange input(PolicyCase policyCase) {
        Exchange sample = ExchangeXml.read(SecureXml.parse(Samples.byCategory(policyCase.sample())));
        Body body = sample.body();
        Narrative narrative = policyCase.narrative() == null
                ? body.narrative()
                : new Narrative(
                        policyCase.narrative(),
                        body.narrative() == null ? "en" : body.narrative().lang());
        List<Tearline> tearlines = policyCase.tearlines() == null
                ? body.tearlines()
                : policyCase.tearlines().stream()
                        .map(t -> new Tearline(
                                t.id(),
                                t.partners(),
                                t.releasableTo(),
                                t.classification(),
                                t.tlp(),
                                new Narrative(t.text(), t.lang())))
                        .toList();
        return sample.withBody(body.withNarrative(narrative, tearlines))
                .withMarkings(policyCase.markings().over(sample.markings()));
    }
}
