package io.borderlink.gateway.approval;

import io.borderlink.gateway.support.PostgresDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The approval rules again on a real PostgreSQL, where the row lock decides the race between nodes. Its
 * context is closed after the class, while PostgreSQL still runs: left to the JVM's exit it would outlive
 * the database and hold the test JVM up.
 */
@DirtiesContext
class ApprovalFlowOnPostgresIT extends ApprovalFlowIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "approvals");
    }
}
