package io.borderlink.gateway.policy;

/**
 * What the engine needs to know of a partner: its id, the code that must be in releasable-to (its
 * country or organisation code), its policy and that policy's version.
 */
public record PolicyTarget(String partnerId, String releasabilityCode, Policy policy, String version) {}
