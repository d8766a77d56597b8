package io.borderlink.gateway.outbound;

import io.borderlink.gateway.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole outbound flow again, on a real PostgreSQL instead of the embedded H2. */
class OutboundFlowOnPostgresIT extends OutboundFlowIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "outbound");
    }
}
