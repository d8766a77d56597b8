package io.borderlink.gateway.interpol;

import io.borderlink.adapters.interpol.NoticeType;
import io.borderlink.adapters.interpol.NoticeVersion;
import io.borderlink.contracts.exchange.Exchange;
import java.time.Instant;

/**
 * One notice version for the agencies: new, changed, or gone from the list.
 *
 * @param state {@code PUBLISHED} for a new or changed version, {@code WITHDRAWN} when the list no longer shows it
 * @param exchange the canonical exchange: the notice, or the withdrawal of its last version
 * @param document what the feed served: the detail JSON; for a withdrawal, the last version's
 * @param receivedAt when the sweep that found it ran
 */
public record PolledNotice(
        String partnerId,
        NoticeType type,
        NoticeVersion version,
        NoticeState state,
        Exchange exchange,
        byte[] document,
        Instant receivedAt) {}
