package io.borderlink.contracts.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of which only the year, or the year and month, may be known: {@code 1987}, {@code 1987-04}
 * or {@code 1987-04-23}. {@link #toString()} is that XML form.
 */
public record PartialDate(int year, Integer month, Integer day) {

    private static final Pattern FORM = Pattern.compile("([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

    public PartialDate {
        if (year < 1 || year > 9999) {
            throw invalid("the year is out of range");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw invalid("the month is out of range");
        }
        if (day != null
                && (month == null || day < 1 || day > YearMonth.of(year, month).lengthOfMonth())) {
            throw invalid("the day does not exist in that month");
        }
    }

    public static PartialDate parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw invalid("not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return new PartialDate(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)));
    }

    /** The generalisation policy applies to dates of birth for partners that may not see more. */
    public PartialDate yearOnly() {
        return new PartialDate(year, null, null);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(10);
        pad(text, year, 4);
        if (month != null) {
            pad(text.append('-'), month, 2);
            if (day != null) {
                pad(text.append('-'), day, 2);
            }
        }
        return text.toString();
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        text.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }

    private static Integer number(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }

    /** The reason names the rule, never the date: a date of birth is personal data and must stay out of logs. */
    private static GatewayException invalid(String reason) {
        return new GatewayException(ErrorCode.SCHEMA_INVALID, "invalid partial date: " + reason);
    }
}
