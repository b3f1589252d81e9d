package org.lede.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // The RFC's own form, with every zone kind.
                "Tue, 14 May 2024 08:30:00 +0000          | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 -0700          | 2024-05-14T15:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 +0530          | 2024-05-14T03:00:00Z | false",
                "Tue, 14 May 2024 08:30:00 GMT            | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 UT             | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 UTC            | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 Z              | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 EST            | 2024-05-14T13:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 EDT            | 2024-05-14T12:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 CST            | 2024-05-14T14:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 CDT            | 2024-05-14T13:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 MST            | 2024-05-14T15:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 MDT            | 2024-05-14T14:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 PST            | 2024-05-14T16:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 PDT            | 2024-05-14T15:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 BST            | 2024-05-14T07:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 CEST           | 2024-05-14T06:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 AEST           | 2024-05-13T22:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 IST            | 2024-05-14T03:00:00Z | false",
                "Tue, 14 May 2024 08:30:00 NST            | 2024-05-14T12:00:00Z | false",
                // RFC 2822 reads the military zones as UTC: they were defined with the wrong sign.
                "Tue, 14 May 2024 08:30:00 A              | 2024-05-14T08:30:00Z | false",
                // What real feeds write instead.
                "Tue, 14 May 2024 08:30:00 +00:00         | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 -07:00         | 2024-05-14T15:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 GMT+2          | 2024-05-14T06:30:00Z | false",
                "Tue, 14 May 2024 08:30:00 GMT-0530       | 2024-05-14T14:00:00Z | false",
                "Tue, 14 May 2024 08:30:00 UTC+05:30      | 2024-05-14T03:00:00Z | false",
                "Tue, 14 May 2024 08:30:00 +0000 (UTC)    | 2024-05-14T08:30:00Z | false",
                "Tue, 4 Jun 2024 08:30:00 +0000           | 2024-06-04T08:30:00Z | false",
                "Tue,04 Jun 2024 08:30:00 +0000           | 2024-06-04T08:30:00Z | false",
                "14 May 2024 08:30:00 +0000               | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30 +0000             | 2024-05-14T08:30:00Z | false",
                "Tue, 14 May 2024 8:30:00 +0000           | 2024-05-14T08:30:00Z | false",
                "Tuesday, 14 May 2024 08:30:00 +0000      | 2024-05-14T08:30:00Z | false",
                "Tue 14 May 2024 08:30:00 +0000           | 2024-05-14T08:30:00Z | false",
                "tue, 14 may 2024 08:30:00 gmt            | 2024-05-14T08:30:00Z | false",
                "Tue, 14 September 2024 08:30:00 +0000    | 2024-09-14T08:30:00Z | false",
                "Sat, 14 Sept 2024 08:30:00 +0000         | 2024-09-14T08:30:00Z | false",
                "Tue, 14 May 2024 08:30:00.123 +0000      | 2024-05-14T08:30:00Z | false",
                "Tue, 14-May-2024 08:30:00 +0000          | 2024-05-14T08:30:00Z | false",
                // The day name is not checked against the date: feeds get it wrong, the date is what counts.
                "Fri, 14 May 2024 08:30:00 +0000          | 2024-05-14T08:30:00Z | false",
                // Two- and three-digit years, as RFC 2822 section 4.3 reads them.
                "Wed, 03 Jan 24 07:15 EST                 | 2024-01-03T12:15:00Z | false",
                "Wed, 03 Jan 49 07:15:00 GMT              | 2049-01-03T07:15:00Z | false",
                "Sun, 03 Jan 50 07:15:00 GMT              | 1950-01-03T07:15:00Z | false",
                "Sun, 03 Jan 99 07:15:00 GMT              | 1999-01-03T07:15:00Z | false",
                "Sun, 03 Jan 104 07:15:00 GMT             | 2004-01-03T07:15:00Z | false",
                // A leap second is the second before it.
                "Sat, 31 Dec 2016 23:59:60 +0000          | 2016-12-31T23:59:59Z | false",
                // No zone, no time: read as UTC, the first flagged.
                "Tue, 14 May 2024 08:30:00                | 2024-05-14T08:30:00Z | true",
                "Tue, 14 May 2024                         | 2024-05-14T00:00:00Z | true",
                // A W3C date where an RFC 822 one belongs.
                "2024-05-14T08:30:00+02:00                | 2024-05-14T06:30:00Z | false",
            })
    void readsRssDates(String text, String expected, boolean zoneMissing) {
        FeedDates.Stamp stamp = FeedDates.rfc822(text);

        assertEquals(Instant.parse(expected), stamp.instant(), text);
        assertEquals(zoneMissing, stamp.zoneMissing(), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "Tue, 14 Foo 2024 08:30:00 +0000",
                "Tue, 14 Marching 2024 08:30:00 +0000",
                "Tue, 31 Feb 2024 08:30:00 +0000",
                "Tue, 14 May 2024 25:30:00 +0000",
                "Tue, 14 May 2024 08:61:00 +0000",
                "Tue, 14 May 2024 08:30:00 XYZ",
                "Tue, 14 May 2024 08:30:00 J",
                "Tue, 14 May 2024 08:30:00 +1900",
                "Tue, 14 May 2024 08:30:00 GMT+25",
                "14/05/2024",
            })
    void refusesWhatIsNoRssDate(String text) {
        assertNull(FeedDates.rfc822(text), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-05-14T08:30:00Z             | 2024-05-14T08:30:00Z           | false",
                "2024-05-14t08:30:00z             | 2024-05-14T08:30:00Z           | false",
                "2024-05-14T08:30:00+02:00        | 2024-05-14T06:30:00Z           | false",
                "2024-05-14T08:30:00-05:00        | 2024-05-14T13:30:00Z           | false",
                "2024-05-14T08:30:00+0200         | 2024-05-14T06:30:00Z           | false",
                "2024-05-14T08:30:00+02           | 2024-05-14T06:30:00Z           | false",
                "2024-05-14T08:30:00.250+02:00    | 2024-05-14T06:30:00.250Z       | false",
                "2024-05-14T08:30:00.123456789Z   | 2024-05-14T08:30:00.123456789Z | false",
                "2024-05-14T08:30:00.1234567891Z  | 2024-05-14T08:30:00.123456789Z | false",
                "2024-05-14T08:30:00,5Z           | 2024-05-14T08:30:00.500Z       | false",
                "2024-05-14 08:30:00Z             | 2024-05-14T08:30:00Z           | false",
                "2024-05-14T08:30Z                | 2024-05-14T08:30:00Z           | false",
                "2024-05-14T08:30:00              | 2024-05-14T08:30:00Z           | true",
                "2024-05-14                       | 2024-05-14T00:00:00Z           | false",
                "2024-05                          | 2024-05-01T00:00:00Z           | false",
                "2024                             | 2024-01-01T00:00:00Z           | false",
                "1998-12-31T23:59:60Z             | 1998-12-31T23:59:59Z           | false",
            })
    void readsW3cDates(String text, String expected, boolean zoneMissing) {
        FeedDates.Stamp stamp = FeedDates.w3c(text);

        assertEquals(Instant.parse(expected), stamp.instant(), text);
        assertEquals(zoneMissing, stamp.zoneMissing(), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "",
                "Tue, 14 May 2024 08:30:00 +0000",
                "2024-13-01",
                "2024-02-30T00:00:00Z",
                "2024-05-14T24:30:00Z",
                "2024-05-14T08:30:00+25:00",
                "24-05-14",
            })
    void refusesWhatIsNoW3cDate(String text) {
        assertNull(FeedDates.w3c(text), text);
    }

    @Test
    void nothingIsNoDate() {
        assertNull(FeedDates.rfc822(null));
        assertNull(FeedDates.w3c(null));
    }
}
