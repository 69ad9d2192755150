//! Writing CSV: the one quoting rule and number form of every table the project writes — sweep,
//! Morris and ensemble files (`,`), `.pb` files (`;`) and the app's table downloads (`,`, or `;`
//! for Danish Excel).
//!
//! Written by hand rather than with the `csv` crate, by measurement (2026-12-04): a probe that
//! writes one record through `csv::WriterBuilder` (with `serde_json` linked in both probes, as in
//! the app) is 63,273 bytes of WebAssembly after `wasm-opt -Oz` (36,580 gzip) against 41,301
//! (20,132) for these functions: the crate would add about 22 kB (16 kB gzip) to bundles that are
//! already over their size target, for what is one quoting rule. Reading CSV (panel files,
//! `.pb` files) has its own readers, which follow the reference implementations' dialects.

use std::borrow::Cow;

/// `text` as one field of a record whose fields are separated by `separator`: quoted, with inner
/// quotes doubled, when it contains the separator, a quote or a line break (RFC 4180); as it is
/// otherwise.
///
/// ```
/// use dialoglab_engine::csv::field;
/// assert_eq!(field("plain", ','), "plain");
/// assert_eq!(field("a,b", ','), "\"a,b\"");
/// assert_eq!(field("a,b", ';'), "a,b");
/// assert_eq!(field("say \"hi\"", ';'), "\"say \"\"hi\"\"\"");
/// ```
#[must_use]
pub fn field(text: &str, separator: char) -> Cow<'_, str> {
    if text.contains([separator, '"', '\n', '\r']) {
        Cow::Owned(quoted(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` in quotes, inner quotes doubled (for fields a dialect must always quote).
#[must_use]
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A number in Rust's shortest round-trip form (full precision, `.` as decimal point, never an
/// exponent); an empty field when absent.
///
/// ```
/// use dialoglab_engine::csv::number;
/// assert_eq!(number(Some(0.1 + 0.2)), "0.30000000000000004");
/// assert_eq!(number(Some(1e21)), "1000000000000000000000");
/// assert_eq!(number(None), "");
/// ```
#[must_use]
pub fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v}"))
}

/// A number for the JSON Lines files written next to the CSV files: the same shortest form,
/// `null` when absent (JSON has no NaN).
#[must_use]
pub fn json_number(value: Option<f64>) -> String {
    value.map_or_else(
        || "null".to_string(),
        |v| serde_json::Value::from(v).to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_quotes_are_quoted_whatever_the_separator() {
        for sep in [',', ';'] {
            assert_eq!(field("a\nb", sep), "\"a\nb\"");
            assert_eq!(field("a\rb", sep), "\"a\rb\"");
            assert_eq!(field("\"", sep), "\"\"\"\"");
            assert_eq!(field("", sep), "");
        }
    }

    #[test]
    fn json_numbers_are_null_when_absent_and_round_trip_otherwise() {
        assert_eq!(json_number(None), "null");
        let x = 2.0_f64 / 3.0;
        assert_eq!(
            json_number(Some(x)).parse::<f64>().unwrap().to_bits(),
            x.to_bits()
        );
    }
}
