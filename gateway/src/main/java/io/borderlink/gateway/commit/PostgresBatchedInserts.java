package io.borderlink.gateway.commit;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, has the driver send a JDBC batch of inserts as multi-row {@code INSERT} statements
 * ({@code reWriteBatchedInserts}): an exchange's seven evidence rows and its audit events' queue entries become a
 * few statements instead of one each, which the database server parses, plans and executes one by one. The
 * driver leaves alone the inserts whose generated keys are read (the audit events themselves); nothing in the
 * gateway reads the per-row counts of a batch, which the rewriting gives up. A {@code reWriteBatchedInserts} in
 * the JDBC URL wins, as the driver reads the URL last. H2 has no such setting (and would refuse an unknown one).
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
