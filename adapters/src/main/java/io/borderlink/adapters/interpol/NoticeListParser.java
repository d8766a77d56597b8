package io.borderlink.adapters.interpol;

import static io.borderlink.adapters.interpol.NoticeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a HAL list response ({@code red}, {@code yellow}, {@code un/persons}): {@code total},
 * {@code query.page}, {@code query.resultPerPage}, {@code _embedded.notices[]} and {@code _links}.
 *
 * <p>Only the page number is taken from {@code _links.next}: the poller builds the next URL from its
 * own base address, so a link in a foreign response never chooses the host Borderlink calls. A next
 * page that is not after this one, or after {@code _links.last}, is ignored, so a looping or
 * capped API cannot keep the poller paging.
 */
public final class NoticeListParser {

    private static final Pattern ENTITY_ID = Pattern.compile("[0-9]{4}/[0-9]{1,12}");
    private static final Pattern URL_ID = Pattern.compile("/([0-9]{4})-([0-9]{1,12})/?(?:[?#].*)?$");
    private static final Pattern PAGE = Pattern.compile("[?&]page=([0-9]{1,6})(?:&|#|$)");

    public NoticeListPage parse(byte[] listJson) {
        JsonNode list = NoticeJson.read(listJson, "notice list");
        JsonNode query = list.path("query");
        int page = number(query, "page", 1);
        List<NoticeListItem> notices = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : list.path("_embedded").path("notices")) {
            String entityId = entityId(item);
            if (entityId == null) {
                skipped++;
            } else {
                notices.add(new NoticeListItem(entityId, text(item, "name"), text(item, "forename")));
            }
        }
        int total = number(list, "total", notices.size() + skipped);
        return new NoticeListPage(
                total, page, number(query, "resultPerPage", notices.size()), notices, skipped, next(list, page));
    }

    /** The {@code entity_id}, or failing that the id in the self link ({@code .../red/2019-12345}). */
    private static String entityId(JsonNode item) {
        String entityId = text(item, "entity_id");
        if (entityId != null && ENTITY_ID.matcher(entityId).matches()) {
            return entityId;
        }
        String self = text(item.path("_links").path("self"), "href");
        if (self == null) {
            return null;
        }
        Matcher m = URL_ID.matcher(self);
        return m.find() ? m.group(1) + "/" + m.group(2) : null;
    }

    private static OptionalInt next(JsonNode list, int page) {
        OptionalInt next = pageOf(list.path("_links").path("next"));
        OptionalInt last = pageOf(list.path("_links").path("last"));
        if (next.isEmpty() || next.getAsInt() <= page) {
            return OptionalInt.empty();
        }
        if (last.isPresent() && next.getAsInt() > last.getAsInt()) {
            return OptionalInt.empty();
        }
        return next;
    }

    private static OptionalInt pageOf(JsonNode link) {
        String href = text(link, "href");
        if (href == null) {
            return OptionalInt.empty();
        }
        Matcher m = PAGE.matcher(href);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    private static int number(JsonNode node, String field, int otherwise) {
        JsonNode value = node.get(field);
        if (value != null && value.canConvertToInt() && value.asInt() >= 0) {
            return value.asInt();
        }
        if (value != null && value.isTextual() && value.asText().strip().matches("[0-9]{1,9}")) {
            return Integer.parseInt(value.asText().strip());
        }
        return otherwise;
    }
}
