package io.borderlink.adapters.interpol;

import java.util.Objects;

/**
 * One notice in a list page: enough to decide whether to fetch the detail. The list carries no
 * version, so every listed notice is fetched and de-duplicated by {@link NoticeVersion}.
 *
 * @param entityId {@code YYYY/NNNNN}
 * @param name the list's {@code name}, or null
 * @param forename the list's {@code forename}, or null
 */
public record NoticeListItem(String entityId, String name, String forename) {

    public NoticeListItem {
        Objects.requireNonNull(entityId, "entityId");
    }

    /** {@code 2019/12345} → {@code 2019-12345}, for {@link NoticeType#detailPath(String)}. */
    public String urlId() {
        return entityId.replace('/', '-');
    }
}
