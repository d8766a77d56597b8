package io.borderlink.gateway.pki;

import io.borderlink.crypto.SigningKey;

/** The gateway's own private keys, loaded once at start-up. */
public record GatewayKeys(SigningKey signing, SigningKey encryption) {}
