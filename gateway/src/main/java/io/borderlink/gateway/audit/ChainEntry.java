package io.borderlink.gateway.audit;

/**
 * One entry of the chain as stored or exported, with its event.
 *
 * @param event the event it was chained for; null when the event row is gone, or in a bundle when the
 *     entry is a neighbour outside the export whose content stays out ({@code redacted})
 */
record ChainEntry(long seq, Long eventId, String entryHash, String chainHash, ChainedEvent event, boolean redacted) {}
