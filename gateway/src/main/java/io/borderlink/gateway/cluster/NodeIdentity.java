package io.borderlink.gateway.cluster;

/** This gateway node's name in leases and audit events: unique per process, readable by operators. */
public record NodeIdentity(String id) {}
