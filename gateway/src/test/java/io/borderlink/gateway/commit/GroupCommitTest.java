package io.borderlink.gateway.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {

    private final AtomicInteger commits = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private GroupCommit group;

    @BeforeEach
    void database() {
        DriverManagerDataSource data =
                new DriverManagerDataSource("jdbc:h2:mem:group-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(data);
        jdbc.execute("CREATE TABLE item (name VARCHAR(16) PRIMARY KEY)");
        DataSourceTransactionManager counting = new DataSourceTransactionManager(data) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                commits.incrementAndGet();
                super.doCommit(status);
            }
        };
        transactions = new TransactionTemplate(counting);
        group = new GroupCommit(transactions, meters, new CommitSettings(1, 64));
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void commitsAUnitAloneAtOnceAndAnswersItsResult() {
        assertThat(group.execute(() -> insert("alone"))).isEqualTo("alone");

        assertThat(items()).containsExactly("alone");
        assertThat(commits).hasValue(1);
    }

    @Test
    void commitsTheUnitsThatArriveDuringACommitTogetherInOneTransaction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = leaderHeldUntil(release);
        List<Future<String>> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "later-" + i;
            later.add(callers.submit(() -> group.execute(() -> insert(name))));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == 10);

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (int i = 0; i < 10; i++) {
            assertThat(later.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("later-" + i);
        }
        assertThat(items()).hasSize(11);
        assertThat(commits)
                .as("the first alone, the ten queued behind it together")
                .hasValue(2);
    }

    @Test
    void aFailingUnitFailsAloneAndNothingOfItStaysWhileItsNeighboursCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = leaderHeldUntil(release);
        Future<String> before = callers.submit(() -> group.execute(() -> insert("before")));
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == 1);
        Future<String> failing = callers.submit(() -> group.execute(() -> {
            insert("failing");
            throw new IllegalStateException("refused by the unit itself");
        }));
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == 2);
        Future<String> after = callers.submit(() -> group.execute(() -> insert("after")));
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == 3);

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refused by the unit itself");
        assertThat(items()).containsExactlyInAnyOrder("first", "before", "after");
    }

    @Test
    void aFullLaneOpensTheNextSoThatAUnitDoesNotWaitForABatchAheadOfIt() throws Exception {
        group = new GroupCommit(transactions, meters, new CommitSettings(2, 1));
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = leaderHeldUntil(release);

        assertThat(group.execute(() -> insert("beside"))).isEqualTo("beside");
        assertThat(items()).containsExactly("beside");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(items()).containsExactly("beside", "first");
    }

    @Test
    void aUnitThatBreaksTheDatabaseRulesGetsTheDatabaseError() {
        group.execute(() -> insert("taken"));

        assertThatThrownBy(() -> group.execute(() -> insert("taken")))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(CompletableFuture.supplyAsync(() -> group.execute(() -> insert("free")), callers)
                        .join())
                .isEqualTo("free");
    }

    /** A first unit that leads its commit and holds it, inside its work, until released. */
    private Future<String> leaderHeldUntil(CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<String> first = callers.submit(() -> group.execute(() -> {
            inside.countDown();
            hold(release);
            return insert("first");
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private String insert(String name) {
        jdbc.update("INSERT INTO item (name) VALUES (?)", name);
        return name;
    }

    private List<String> items() {
        return jdbc.queryForList("SELECT name FROM item ORDER BY name", String.class);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
