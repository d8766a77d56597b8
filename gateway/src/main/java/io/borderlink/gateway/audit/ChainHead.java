package io.borderlink.gateway.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/** The newest entry of the chain: its sequence number and chain hash; 0 and the genesis hash before the first. */
record ChainHead(long seq, String chainHash) {

    static ChainHead read(JdbcTemplate jdbc) {
        return jdbc
                .query(
                        "SELECT seq, chain_hash FROM audit_chain ORDER BY seq DESC LIMIT 1",
                        (rs, row) -> new ChainHead(rs.getLong("seq"), rs.getString("chain_hash")))
                .stream()
                .findFirst()
                .orElse(new ChainHead(0, ChainHashes.GENESIS));
    }
}
