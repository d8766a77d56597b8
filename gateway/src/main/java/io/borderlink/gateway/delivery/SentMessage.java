package io.borderlink.gateway.delivery;

/** A message the recipient accepted, with its answer: the receipt kept as evidence. */
public record SentMessage(ProtectedMessage message, int status, byte[] answer, String answerType) {}
