package io.borderlink.gateway.delivery;

/** A message the partner accepted, with the partner's answer. */
public record SentMessage(ProtectedMessage message, int status, byte[] answer) {}
