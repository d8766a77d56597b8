package io.borderlink.gateway.approval;

import io.borderlink.gateway.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The approval rules again on a real PostgreSQL, where the row lock decides the race between nodes. */
class ApprovalFlowOnPostgresIT extends ApprovalFlowIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "approvals");
    }
}
