package io.borderlink.adapters.interpol;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One list query; null means "not filtered". Red and yellow lists filter on sex, age and
 * nationality, the red list also on the warrant's issuing country; every list filters on name.
 *
 * @param name the {@code name} parameter; the plan uses regular expressions such as {@code ^.{7}$}
 * @param sexId {@code F}, {@code M} or {@code U}
 * @param ageMin inclusive, together with {@code ageMax}
 * @param ageMax inclusive, together with {@code ageMin}
 * @param nationality alpha-2
 * @param arrestWarrantCountryId alpha-2, red only
 */
public record NoticeQuery(
        NoticeType type,
        String name,
        String sexId,
        Integer ageMin,
        Integer ageMax,
        String nationality,
        String arrestWarrantCountryId,
        int resultPerPage) {

    private static final Set<String> SEXES = Set.of("F", "M", "U");

    public NoticeQuery {
        Objects.requireNonNull(type, "type");
        if ((ageMin == null) != (ageMax == null) || (ageMin != null && (ageMin < 0 || ageMin > ageMax))) {
            throw invalid("an age band needs 0 <= ageMin <= ageMax, not " + ageMin + ".." + ageMax);
        }
        if (sexId != null && !SEXES.contains(sexId)) {
            throw invalid("sexId is F, M or U, not " + sexId);
        }
        if (type == NoticeType.UN && (sexId != null || ageMin != null || nationality != null)) {
            throw invalid("the UN list filters on name only");
        }
        if (arrestWarrantCountryId != null && type != NoticeType.RED) {
            throw invalid("only the red list filters on the arrest warrant's country");
        }
        if (resultPerPage < 1) {
            throw invalid("resultPerPage must be positive, not " + resultPerPage);
        }
    }

    /** Every notice of the type, {@code resultPerPage} at a time. */
    public static NoticeQuery all(NoticeType type, int resultPerPage) {
        return new NoticeQuery(type, null, null, null, null, null, null, resultPerPage);
    }

    public NoticeQuery withName(String name) {
        return new NoticeQuery(type, name, sexId, ageMin, ageMax, nationality, arrestWarrantCountryId, resultPerPage);
    }

    public NoticeQuery withSexId(String sexId) {
        return new NoticeQuery(type, name, sexId, ageMin, ageMax, nationality, arrestWarrantCountryId, resultPerPage);
    }

    public NoticeQuery withAges(int ageMin, int ageMax) {
        return new NoticeQuery(type, name, sexId, ageMin, ageMax, nationality, arrestWarrantCountryId, resultPerPage);
    }

    public NoticeQuery withNationality(String nationality) {
        return new NoticeQuery(type, name, sexId, ageMin, ageMax, nationality, arrestWarrantCountryId, resultPerPage);
    }

    public NoticeQuery withArrestWarrantCountryId(String country) {
        return new NoticeQuery(type, name, sexId, ageMin, ageMax, nationality, country, resultPerPage);
    }

    /** Relative to the API base: {@code red?nationality=RU&sexId=M&resultPerPage=160&page=1}. */
    public String pathAndQuery(int page) {
        return type.listPath() + "?" + queryString(page);
    }

    /** The parameters in a fixed order (the order of the API's own links), URL-encoded. */
    public String queryString(int page) {
        if (page < 1) {
            throw invalid("pages start at 1, not " + page);
        }
        StringJoiner query = new StringJoiner("&");
        add(query, "name", name);
        add(query, "nationality", nationality);
        add(query, "ageMin", ageMin);
        add(query, "ageMax", ageMax);
        add(query, "sexId", sexId);
        add(query, "arrestWarrantCountryId", arrestWarrantCountryId);
        add(query, "resultPerPage", resultPerPage);
        add(query, "page", page);
        return query.toString();
    }

    private static void add(StringJoiner query, String parameter, Object value) {
        if (value != null) {
            query.add(parameter + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private static GatewayException invalid(String reason) {
        return new GatewayException(ErrorCode.INTERNAL_ERROR, "invalid notice query: " + reason);
    }
}
