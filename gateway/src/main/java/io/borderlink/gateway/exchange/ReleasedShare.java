package io.borderlink.gateway.exchange;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.gateway.share.Lease;
import java.time.Instant;

/**
 * A share released at acceptance, handed to delivery as it was opened: leased to this node for its first
 * attempt until {@code leasedUntil}, with the view the decision produced. So the delivery worker neither claims
 * the share again nor reads back, decrypts and parses the partner view the same transaction just stored; the
 * share row stays the truth, and the attempt's outcome is still recorded by a conditional update on this lease.
 */
public record ReleasedShare(Lease lease, Instant leasedUntil, Exchange view) {}
