package io.borderlink.adapters.interpol;

import java.util.List;
import java.util.OptionalInt;

/**
 * One page of a notice list.
 *
 * @param total how many notices match the query; may exceed what paging reaches (the cap)
 * @param page this page, 1-based
 * @param resultPerPage as the API echoes it
 * @param notices the listed notices, in list order
 * @param skipped listed items that had neither an {@code entity_id} nor a self link to take one from
 * @param nextPage the next page to ask for, if the API offers one beyond this page
 */
public record NoticeListPage(
        int total, int page, int resultPerPage, List<NoticeListItem> notices, int skipped, OptionalInt nextPage) {

    public NoticeListPage {
        notices = List.copyOf(notices);
    }

    /** More notices match than one query can page through: split it with {@link NoticeQueryPlan}. */
    public boolean exceeds(int cap) {
        return total > cap;
    }
}
