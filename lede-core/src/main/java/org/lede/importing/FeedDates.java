package org.lede.importing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds carry: RSS's RFC 822 dates as feeds really write them, and the W3C (ISO
 * 8601 profile) dates of Atom (RFC 3339) and Dublin Core. {@link java.time.format.DateTimeFormatter#RFC_1123_DATE_TIME}
 * alone refuses most real feeds (two-digit years, "EST", no seconds, a day name that is not the
 * day, "+05:30"), so the forms are read here, each part checked by {@code java.time}.
 */
final class FeedDates {
    /**
     * A date read from a feed.
     *
     * @param zoneMissing the text named no time zone, so UTC was assumed
     */
    record Stamp(Instant instant, boolean zoneMissing) {}

    private static final Pattern RFC822 = Pattern.compile("(?:[a-z]+\\.?,?\\s*)?"
            + "(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([a-z]{3,9})\\.?,?[\\s-]+(\\d{2,4})"
            + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?"
            + "(?:\\s*([+-]\\d{4}|[+-]\\d{2}:\\d{2}|[a-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?))?"
            + "\\s*(?:\\([^)]*\\))?");

    private static final Pattern W3C = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})"
            + "(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?");

    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    /**
     * The zones of RFC 822 and the abbreviations feeds most often use in their place. Ambiguous
     * ones (IST is India, Ireland and Israel; CST is also China) are read as the RFC or the most
     * common use has them; RFC 2822 says the one-letter military zones were defined with the
     * wrong sign and are to be read as UTC, and "Z" is UTC anyway.
     */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0),
            Map.entry("utc", 0),
            Map.entry("gmt", 0),
            Map.entry("z", 0),
            Map.entry("wet", 0),
            Map.entry("est", -5 * 60),
            Map.entry("edt", -4 * 60),
            Map.entry("cst", -6 * 60),
            Map.entry("cdt", -5 * 60),
            Map.entry("mst", -7 * 60),
            Map.entry("mdt", -6 * 60),
            Map.entry("pst", -8 * 60),
            Map.entry("pdt", -7 * 60),
            Map.entry("akst", -9 * 60),
            Map.entry("akdt", -8 * 60),
            Map.entry("hst", -10 * 60),
            Map.entry("ast", -4 * 60),
            Map.entry("adt", -3 * 60),
            Map.entry("nst", -(3 * 60 + 30)),
            Map.entry("ndt", -(2 * 60 + 30)),
            Map.entry("bst", 60),
            Map.entry("ist", 5 * 60 + 30),
            Map.entry("west", 60),
            Map.entry("cet", 60),
            Map.entry("met", 60),
            Map.entry("cest", 2 * 60),
            Map.entry("mest", 2 * 60),
            Map.entry("eet", 2 * 60),
            Map.entry("eest", 3 * 60),
            Map.entry("msk", 3 * 60),
            Map.entry("sgt", 8 * 60),
            Map.entry("hkt", 8 * 60),
            Map.entry("awst", 8 * 60),
            Map.entry("jst", 9 * 60),
            Map.entry("kst", 9 * 60),
            Map.entry("acst", 9 * 60 + 30),
            Map.entry("aest", 10 * 60),
            Map.entry("aedt", 11 * 60),
            Map.entry("nzst", 12 * 60),
            Map.entry("nzdt", 13 * 60));

    private FeedDates() {}

    /** An RSS date (RFC 822, leniently), or a W3C date where a feed wrote one instead; null when unreadable. */
    static Stamp rfc822(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = RFC822.matcher(value);
        if (!m.matches()) {
            return w3c(text);
        }
        Integer month = MONTHS.get(m.group(2).substring(0, 3));
        if (month == null || (m.group(2).length() > 3 && !fullMonth(m.group(2), month))) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            // RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999.
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            year += 1900;
        }
        try {
            LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(1)));
            LocalTime time = m.group(4) == null
                    ? LocalTime.MIDNIGHT
                    : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds(m.group(6)));
            if (m.group(7) == null) {
                return new Stamp(date.atTime(time).toInstant(ZoneOffset.UTC), true);
            }
            ZoneOffset offset = zone(m.group(7));
            return offset == null ? null : new Stamp(date.atTime(time).toInstant(offset), false);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A W3C date and time (the ISO 8601 profile of RFC 3339, Atom and Dublin Core: a year, a month,
     * a day, or a time with a zone), or null when unreadable. A date alone is midnight UTC.
     */
    static Stamp w3c(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = W3C.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(m.group(1)),
                    m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return new Stamp(date.atStartOfDay(ZoneOffset.UTC).toInstant(), false);
            }
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
            LocalDateTime at = date.atTime(LocalTime.of(
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    seconds(m.group(6)),
                    Integer.parseInt(fraction)));
            if (m.group(8) == null) {
                return new Stamp(at.toInstant(ZoneOffset.UTC), true);
            }
            return new Stamp(at.toInstant(m.group(8).equals("z") ? ZoneOffset.UTC : offset(m.group(8))), false);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** "sept" and the whole name are read as the month; "marching" is not. */
    private static boolean fullMonth(String name, int month) {
        return name.equals("sept")
                || Month.of(month).name().toLowerCase(Locale.ROOT).startsWith(name);
    }

    /** A leap second (":60") is read as the second before it; java.time has no 60th second. */
    private static int seconds(String text) {
        return text == null ? 0 : Math.min(Integer.parseInt(text), 59);
    }

    private static ZoneOffset zone(String text) {
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            return offset(text);
        }
        int sign = Math.max(text.indexOf('+'), text.indexOf('-'));
        String name = sign < 0 ? text : text.substring(0, sign);
        Integer minutes = name.length() == 1 && !name.equals("j") ? Integer.valueOf(0) : ZONES.get(name);
        if (minutes == null) {
            return null;
        }
        // "GMT+2" and "UTC-05:00": a named zone with its offset written after it.
        ZoneOffset base = ZoneOffset.ofTotalSeconds(minutes * 60);
        if (sign < 0) {
            return base;
        }
        ZoneOffset extra = offset(text.substring(sign));
        return ZoneOffset.ofTotalSeconds(base.getTotalSeconds() + extra.getTotalSeconds());
    }

    private static ZoneOffset offset(String text) {
        Matcher m = OFFSET.matcher(text);
        if (!m.matches()) {
            throw new DateTimeException("Not an offset: " + text);
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int sign = m.group(1).equals("-") ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
