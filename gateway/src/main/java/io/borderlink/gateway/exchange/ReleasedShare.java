package io.borderlink.gateway.exchange;

import io.borderlink.contracts.exchange.Exchange;
import java.util.UUID;

/**
 * A share released at acceptance, handed to delivery with the view the decision produced, so that the
 * delivery worker does not read back, decrypt and parse the partner view the same transaction just stored.
 * The share row stays the truth: the worker still claims it, and uses the view only if the digest the share
 * recorded is this view's.
 */
public record ReleasedShare(UUID shareId, Exchange view, String viewDigest) {}
