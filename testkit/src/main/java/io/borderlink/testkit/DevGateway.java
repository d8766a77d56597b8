package io.borderlink.testkit;

import io.borderlink.adapters.format.GatewayIdentity;

/** The gateway as the development configuration names it (application.yml, {@code borderlink.identity}). */
public final class DevGateway {

    public static final GatewayIdentity IDENTITY = new GatewayIdentity("MN-BORDERLINK", "MNG");

    private DevGateway() {}
}
