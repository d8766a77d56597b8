package io.borderlink.gateway.policy;

import io.borderlink.contracts.exchange.PartialDate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value a policy removed, in the form a text could give it back in. A probe never reports the value:
 * only whether it was found, its kind and the rule that removed it. What the partner view still says
 * elsewhere ({@code kept}) is no leak.
 */
sealed interface LeakProbe {

    LeakKind kind();

    String rule();

    boolean foundIn(FreeText text, FreeText kept);

    /** Words in a row (a name, a place, a phrase), compared as spelling skeletons. */
    record Words(LeakKind kind, String rule, List<String> words) implements LeakProbe {
        @Override
        public boolean foundIn(FreeText text, FreeText kept) {
            return text.containsSequence(words) && !kept.containsSequence(words);
        }
    }

    /** A number or code, compared with separators and case removed and Cyrillic look-alikes read both ways. */
    record Code(LeakKind kind, String rule, List<String> forms) implements LeakProbe {
        @Override
        public boolean foundIn(FreeText text, FreeText kept) {
            return text.containsCode(forms) && !kept.containsCode(forms);
        }
    }

    /** A name written in ideographs, which texts run together without spaces: compared as a substring. */
    record Ideographs(LeakKind kind, String rule, String value) implements LeakProbe {
        @Override
        public boolean foundIn(FreeText text, FreeText kept) {
            return text.plain().contains(value) && !kept.plain().contains(value);
        }
    }

    /** A date of birth in the usual numeric and English forms, as precise as the removed value was. */
    record BirthDate(String rule, Pattern forms) implements LeakProbe {

        static BirthDate of(String rule, PartialDate date) {
            List<String> forms = new ArrayList<>();
            String y = Integer.toString(date.year());
            int m = date.month();
            String mm = String.format(Locale.ROOT, "%02d", m);
            for (String month : monthNames(m)) {
                forms.add(date.day() == null ? month + " " + y : "0?" + date.day() + " " + month + ",? " + y);
                if (date.day() != null) {
                    forms.add(month + " 0?" + date.day() + ",? " + y);
                }
            }
            if (date.day() == null) {
                forms.add(y + "[-/.]" + mm);
                forms.add("0?" + m + "[-/.]" + y);
            } else {
                String dd = "0?" + date.day();
                forms.add(y + "[-/.]" + mm + "[-/.]" + String.format(Locale.ROOT, "%02d", date.day()));
                forms.add(dd + "[-/.]0?" + m + "[-/.]" + y);
            }
            return new BirthDate(rule, Pattern.compile("(?<![\\p{N}])(?:" + String.join("|", forms) + ")(?![\\p{N}])"));
        }

        private static List<String> monthNames(int month) {
            Month named = Month.of(month);
            return List.of(
                    named.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT),
                    named.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT) + "\\.?");
        }

        @Override
        public LeakKind kind() {
            return LeakKind.DATE_OF_BIRTH;
        }

        @Override
        public boolean foundIn(FreeText text, FreeText kept) {
            return forms.matcher(text.plain()).find()
                    && !forms.matcher(kept.plain()).find();
        }
    }

    /**
     * A position the policy generalised to {@code grid} degrees (null: removed): any decimal or
     * degrees-minutes-seconds value near its latitude or longitude that says more than the grid does.
     */
    record Position(String rule, BigDecimal latitude, BigDecimal longitude, BigDecimal grid) implements LeakProbe {

        private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.,])(\\d{1,3}[.,]\\d{1,12})(?![\\d]|[.,]\\d)");
        private static final Pattern DMS = Pattern.compile(
                "(\\d{1,3})\\s*°\\s*(\\d{1,2}(?:[.,]\\d+)?)\\s*['′’]\\s*(?:(\\d{1,2}(?:[.,]\\d+)?)\\s*(?:\"|″|”|''|′′))?");
        private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
        private static final BigDecimal EPSILON = new BigDecimal("0.000000001");

        @Override
        public LeakKind kind() {
            return LeakKind.FINE_COORDINATES;
        }

        @Override
        public boolean foundIn(FreeText text, FreeText kept) {
            for (BigDecimal value : values(text.plain())) {
                if ((near(value, latitude) || near(value, longitude)) && finerThanGrid(value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean near(BigDecimal value, BigDecimal coordinate) {
            BigDecimal reach = grid == null ? BigDecimal.ONE : grid;
            return value.subtract(coordinate.abs()).abs().compareTo(reach) < 0;
        }

        private boolean finerThanGrid(BigDecimal value) {
            if (grid == null) {
                return true;
            }
            BigDecimal rest = value.remainder(grid).abs();
            return rest.compareTo(EPSILON) > 0 && grid.subtract(rest).compareTo(EPSILON) > 0;
        }

        private static List<BigDecimal> values(String text) {
            List<BigDecimal> values = new ArrayList<>();
            Matcher decimal = DECIMAL.matcher(text);
            while (decimal.find()) {
                values.add(number(decimal.group(1)));
            }
            Matcher dms = DMS.matcher(text);
            while (dms.find()) {
                BigDecimal degrees = number(dms.group(1));
                BigDecimal minutes = number(dms.group(2)).divide(SIXTY, MathContext.DECIMAL64);
                BigDecimal seconds = dms.group(3) == null
                        ? BigDecimal.ZERO
                        : number(dms.group(3)).divide(SIXTY.multiply(SIXTY), MathContext.DECIMAL64);
                values.add(degrees.add(minutes).add(seconds));
            }
            return values;
        }
    }

    /**
     * Where the policy generalised positions to {@code grid} degrees (null: removed them): any distance
     * shorter than a grid cell (a degree when removed), which with a named place gives the spot back.
     */
    record Distance(String rule, BigDecimal grid) implements LeakProbe {

        private static final Pattern DISTANCE = Pattern.compile(
                "(?<![\\p{L}\\p{N}.,])(\\d+(?:[.,]\\d+)?)\\s?-?\\s?(kilomet(?:er|re)s?|kilometrov|kilometra|km"
                        + "|met(?:er|re)s?|metrov|metra|m|nautical miles?|nmi|miles?|mi)(?![\\p{L}])");
        private static final double KM_PER_DEGREE = 111.32;

        @Override
        public LeakKind kind() {
            return LeakKind.FINE_DISTANCE;
        }

        @Override
        public boolean foundIn(FreeText text, FreeText kept) {
            double cellKm = (grid == null ? 1.0 : grid.doubleValue()) * KM_PER_DEGREE;
            Matcher distance = DISTANCE.matcher(text.plain());
            while (distance.find()) {
                if (number(distance.group(1)).doubleValue() * kmPer(distance.group(2)) < cellKm) {
                    return true;
                }
            }
            return false;
        }

        private static double kmPer(String unit) {
            if (unit.startsWith("k")) {
                return 1;
            }
            if (unit.startsWith("n")) {
                return 1.852;
            }
            return unit.startsWith("mi") ? 1.609344 : 0.001;
        }
    }

    /** A decimal as written, with a decimal comma read as a point. */
    private static BigDecimal number(String digits) {
        return new BigDecimal(digits.replace(',', '.'));
    }
}
