package io.borderlink.gateway.approval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expireAfter how long a held share waits for its officers; then it expires and is not sent
 * @param expiryCheckInterval how often every node looks for expired tasks
 * @param lockWait how long an officer's action waits for another action on the same task to finish
 */
@ConfigurationProperties("borderlink.approvals")
public record ApprovalSettings(
        @DefaultValue("72h") Duration expireAfter,
        @DefaultValue("1m") Duration expiryCheckInterval,
        @DefaultValue("5s") Duration lockWait) {}
