package io.borderlink.adapters.interpol;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Category;
import java.util.regex.Pattern;

/**
 * The public notice lists Borderlink reads, with the path under {@code /notices/v1/} and the
 * canonical category each maps to (docs/partner-formats.md, INTERPOL; UN → PERSON_ALERT is a project choice). UN entity
 * notices are not read: the canonical model has no subject for an organisation.
 */
public enum NoticeType {
    RED("red", "red", Category.WANTED_PERSON, "INTERPOL red notice"),
    YELLOW("yellow", "yellow", Category.MISSING_PERSON, "INTERPOL yellow notice"),
    UN("un", "un/persons", Category.PERSON_ALERT, "INTERPOL-United Nations Security Council special notice");

    /** A URL id is an entity_id with a dash, {@code 2019-12345}; anything else is refused before it reaches a URL. */
    private static final Pattern URL_ID = Pattern.compile("[0-9]{4}-[0-9]{1,12}");

    private final String code;
    private final String listPath;
    private final Category category;
    private final String title;

    NoticeType(String code, String listPath, Category category, String title) {
        this.code = code;
        this.listPath = listPath;
        this.category = category;
        this.title = title;
    }

    /** The short name used in {@link NoticeVersion#noticeType()} and the outbound envelope: red, yellow, un. */
    public String code() {
        return code;
    }

    /** Relative to the API base, e.g. {@code un/persons}. */
    public String listPath() {
        return listPath;
    }

    /** Relative to the API base, e.g. {@code red/2019-12345}. */
    public String detailPath(String urlId) {
        if (urlId == null || !URL_ID.matcher(urlId).matches()) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "not a notice URL id: " + urlId);
        }
        return listPath + "/" + urlId;
    }

    public Category category() {
        return category;
    }

    String title() {
        return title;
    }

    public static NoticeType fromCode(String code) {
        for (NoticeType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new GatewayException(ErrorCode.SCHEMA_INVALID, "not a notice type: " + code);
    }
}
