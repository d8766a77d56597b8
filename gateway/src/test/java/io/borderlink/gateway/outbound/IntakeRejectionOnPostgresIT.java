package io.borderlink.gateway.outbound;

import io.borderlink.gateway.support.PostgresDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every intake refusal again, including duplicate and replay detection, on a real PostgreSQL. Its context
 * is closed after the class, while PostgreSQL still runs: left to the JVM's exit it would outlive the
 * database and hold the test JVM up.
 */
@DirtiesContext
class IntakeRejectionOnPostgresIT extends IntakeRejectionIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "intake");
    }
}
