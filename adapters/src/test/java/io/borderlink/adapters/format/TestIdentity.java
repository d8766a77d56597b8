package io.borderlink.adapters.format;

/** The gateway's identity in these tests: the development configuration's (application.yml). */
public final class TestIdentity {

    public static final GatewayIdentity MONGOLIA = new GatewayIdentity("MN-BORDERLINK", "MNG");

    private TestIdentity() {}
}
