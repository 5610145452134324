//! Wall-clock time in the units the Imburse API speaks: epoch seconds and milliseconds
//! (Transaction API) and ISO-8601 text (Configuration API).

use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

pub fn now_secs_f64() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

/// Now as ISO-8601 UTC text to the second (`2026-12-01T09:30:00Z`), as the Configuration API
/// writes timestamps.
pub fn now_iso8601() -> String {
    iso8601(now_ms() / 1000)
}

/// Today's date, `YYYY-MM-DD`, as settlement dates are written.
pub fn today() -> String {
    now_iso8601()[..10].to_string()
}

fn iso8601(epoch_seconds: u64) -> String {
    let (days, rest) = (epoch_seconds / 86_400, epoch_seconds % 86_400);
    // Civil date from days since 1970-01-01 (the proleptic Gregorian calendar).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    let (hour, minute, second) = (rest / 3600, rest % 3600 / 60, rest % 60);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso8601_dates_are_civil_dates() {
        assert_eq!(super::iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::iso8601(1_796_117_445), "2026-12-01T09:30:45Z");
    }
}
