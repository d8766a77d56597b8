package io.borderlink.gateway.support;

import io.borderlink.testkit.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test context at a fresh database on the shared real PostgreSQL of {@link TestPostgres}. */
public final class PostgresDatabase {

    private PostgresDatabase() {}

    public static void register(DynamicPropertyRegistry registry, String name) {
        TestPostgres postgres = TestPostgres.shared();
        String url = postgres.createDatabase(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
    }
}
