package io.borderlink.adapters.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowsTest {

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private CamelContext camel;

    @BeforeEach
    void startFlows() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(Flows.ACCEPT).process(exchange -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } finally {
                        inside.decrementAndGet();
                    }
                    exchange.getMessage().setBody(null);
                });
                from(Flows.RECEIVE).to(Flows.ACCEPT);
            }
        });
        camel.start();
    }

    @AfterEach
    void stopFlows() {
        camel.stop();
    }

    @Test
    void refusesASubmissionThatWaitedLongerThanAllowedAsBusyAndReportsIt() throws Exception {
        List<GatewayException> reported = new CopyOnWriteArrayList<>();
        Flows flows =
                new Flows(camel.createProducerTemplate(), 1, Duration.ofMillis(200), 10, (s, e) -> reported.add(e));
        ExecutorService callers = Executors.newSingleThreadExecutor();
        try {
            Future<Receipt> first = callers.submit(() -> flows.submit(new Submission(new byte[] {1}, null, "REST")));
            await().atMost(10, TimeUnit.SECONDS).until(() -> inside.get() == 1);

            assertThatThrownBy(() -> flows.receive(new Submission(new byte[] {2}, null, "REST")))
                    .isInstanceOf(GatewayException.class)
                    .extracting(e -> ((GatewayException) e).code())
                    .isEqualTo(ErrorCode.INTAKE_BUSY);
            assertThat(reported).extracting(GatewayException::code).containsExactly(ErrorCode.INTAKE_BUSY);

            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            callers.shutdownNow();
        }
        assertThat(mostInside).hasValue(1);
    }

    /**
     * A caller at its limit (in process and waiting together) is refused at once, reported; another caller still
     * gets its turn, and so does the first once one of its own is done.
     */
    @Test
    void refusesACallerPastItsOwnLimitAtOnceWhileOthersStillGetTheirTurn() throws Exception {
        List<GatewayException> reported = new CopyOnWriteArrayList<>();
        Flows flows =
                new Flows(camel.createProducerTemplate(), 1, Duration.ofSeconds(30), 2, (s, e) -> reported.add(e));
        X509Certificate flooder = certificate("mn-border");
        X509Certificate other = certificate("mn-customs");
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Receipt>> admitted = new ArrayList<>();
            admitted.add(callers.submit(() -> flows.submit(new Submission(new byte[] {1}, flooder, "REST"))));
            await().atMost(10, TimeUnit.SECONDS).until(() -> inside.get() == 1);
            admitted.add(callers.submit(() -> flows.submit(new Submission(new byte[] {2}, flooder, "REST"))));
            admitted.add(callers.submit(() -> flows.submit(new Submission(new byte[] {3}, other, "REST"))));
            await().atMost(10, TimeUnit.SECONDS).until(() -> flows.waiting() == 2);

            assertThatThrownBy(() -> flows.submit(new Submission(new byte[] {4}, flooder, "REST")))
                    .isInstanceOf(GatewayException.class)
                    .extracting(e -> ((GatewayException) e).code())
                    .isEqualTo(ErrorCode.INTAKE_BUSY);
            assertThat(reported).extracting(GatewayException::code).containsExactly(ErrorCode.INTAKE_BUSY);

            release.countDown();
            for (Future<Receipt> call : admitted) {
                call.get(10, TimeUnit.SECONDS);
            }
            flows.submit(new Submission(new byte[] {5}, flooder, "REST"));
        } finally {
            callers.shutdownNow();
        }
    }

    private static X509Certificate certificate(String name) throws Exception {
        try (InputStream pem = Files.newInputStream(Path.of("certs-dev", name + ".crt.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }

    @Test
    void letsNoMoreSubmissionsAndPartnerMessagesIntoTheFlowsAtOnceThanItsIntakeConcurrency() throws Exception {
        Flows flows = new Flows(camel.createProducerTemplate(), 2, Duration.ofSeconds(30), 10, (s, e) -> {});
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Receipt>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Submission submission = new Submission(new byte[] {(byte) i}, null, "REST");
                boolean fromAgency = i % 2 == 0;
                calls.add(callers.submit(() -> fromAgency ? flows.submit(submission) : flows.receive(submission)));
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> inside.get() == 2);
            release.countDown();
            for (Future<Receipt> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(mostInside).hasValue(2);
    }
}
