package io.borderlink.gateway.partner;

import io.borderlink.adapters.interpol.NoticeQueryPlan;
import io.borderlink.adapters.interpol.NoticeType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * That the gateway fetches the partner's notices itself (docs/partner-formats.md, INTERPOL), on one node of the cluster.
 *
 * @param url the API base, ending in {@code /}; list and detail paths are resolved against it, never
 *     taken from the links in a response
 * @param interval the time between the starts of two sweeps of every list
 * @param noticeTypes the lists to sweep
 * @param pageSize {@code resultPerPage}: how many notices one request asks for
 * @param queryCap how many results one query can page through; a query matching more is split
 * @param timeout for connecting and for each request
 */
public record NoticePoll(
        @NotNull URI url,
        @DefaultValue("15m") @NotNull Duration interval,
        @DefaultValue({"RED", "YELLOW", "UN"}) @NotEmpty List<NoticeType> noticeTypes,
        @DefaultValue("160") @Min(1) @Max(NoticeQueryPlan.MAX_RESULTS) int pageSize,
        @DefaultValue("160") @Min(1) @Max(NoticeQueryPlan.MAX_RESULTS) int queryCap,
        @DefaultValue("20s") @NotNull Duration timeout) {}
