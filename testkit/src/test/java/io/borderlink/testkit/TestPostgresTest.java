package io.borderlink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void startsARealPostgresAndAnswersQueries() throws SQLException {
        try (Connection connection = connect(postgres.createDatabase("smoke"));
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("select version()")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).contains("PostgreSQL 17");
        }
    }

    @Test
    void survivesARestartOnTheSamePort() throws SQLException {
        String url = postgres.createDatabase("restart");
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("create table survivor (name text)");
            statement.execute("insert into survivor values ('still here')");
        }

        postgres.stop();
        try {
            assertThatThrownBy(() -> connect(url).close()).isInstanceOf(SQLException.class);
        } finally {
            postgres.start();
        }

        try (Connection connection = connect(url);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select name from survivor")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("still here");
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.username(), postgres.password());
    }
}
