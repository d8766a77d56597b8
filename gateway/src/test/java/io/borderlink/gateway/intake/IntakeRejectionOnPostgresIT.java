package io.borderlink.gateway.intake;

import io.borderlink.gateway.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every intake refusal again, including duplicate and replay detection, on a real PostgreSQL. */
class IntakeRejectionOnPostgresIT extends IntakeRejectionIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "intake");
    }
}
