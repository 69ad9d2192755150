//! Locale-aware number and money formatting (Danish `1.234,5 kr.`, English `DKK 1,234.5`).
//! Done in Rust rather than `Intl` so it is identical in tests and in the browser.

use crate::language::Lang;

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Da => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// An integer with thousands separators.
#[must_use]
pub fn int(lang: Lang, n: u64) -> String {
    group(&n.to_string(), separators(lang).0)
}

/// A decimal number with `digits` decimals, grouped, with the locale's decimal mark and a real
/// minus sign (`−13,0`, as [`short`] writes it; CSV files keep the hyphen-minus, `export.rs`).
#[must_use]
pub fn dec(lang: Lang, x: f64, digits: usize) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let (thousands, mark) = separators(lang);
    let text = format!("{:.*}", digits, x.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    let mut out = format!("{sign}{}", group(whole, thousands));
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// A coefficient as it is written (`0,35`, `−0,9`, `22`, `1.000.000` in Danish): Rust's shortest
/// text that reads back as the same number, with the locale's marks and a real minus sign.
#[must_use]
pub fn short(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let sign = if x < 0.0 { "−" } else { "" };
    let text = format!("{}", x.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (thousands, mark) = separators(lang);
    let mut out = format!("{sign}{}", group(whole, thousands));
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// A share in `[0, 1]` as a percentage (`12,5 %` in Danish, `12.5%` in English).
#[must_use]
pub fn percent(lang: Lang, share: f64, digits: usize) -> String {
    let v = dec(lang, share * 100.0, digits);
    match lang {
        Lang::Da => format!("{v}\u{a0}%"),
        Lang::En => format!("{v}%"),
    }
}

/// A difference of two shares in percentage points (`2,0 procentpoint`, `2.0 percentage
/// points`), never as a percentage, which would read as a relative change.
#[must_use]
pub fn points(lang: Lang, difference: f64, digits: usize) -> String {
    let v = dec(lang, difference * 100.0, digits);
    match lang {
        Lang::Da => format!("{v} procentpoint"),
        Lang::En => format!("{v} percentage points"),
    }
}

/// `text` ended by a full stop, unless it already ends with one (a Danish amount ends in
/// `kr.`, and `kr..` is not written).
#[must_use]
pub fn sentence(text: String) -> String {
    if text.ends_with('.') {
        text
    } else {
        text + "."
    }
}

/// An amount of whole Danish kroner.
#[must_use]
pub fn money(lang: Lang, dkk: u64) -> String {
    match lang {
        Lang::Da => format!("{}\u{a0}kr.", int(lang, dkk)),
        Lang::En => format!("DKK\u{a0}{}", int(lang, dkk)),
    }
}

/// An amount of DKK with decimals (`8,41 kr.`, `DKK 8.41`).
#[must_use]
pub fn money_dec(lang: Lang, dkk: f64, digits: usize) -> String {
    match lang {
        Lang::Da => format!("{}\u{a0}kr.", dec(lang, dkk, digits)),
        Lang::En => format!("DKK\u{a0}{}", dec(lang, dkk, digits)),
    }
}

/// A range label of the data (`18-29`) as it is written in both languages, with an en dash
/// between its numbers (`18–29`); any other label (`67+`, `under-18`) as it is.
#[must_use]
pub fn range(label: &str) -> String {
    match label.split_once('-') {
        Some((a, b))
            if !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit()) =>
        {
            format!("{a}\u{2013}{b}")
        }
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_take_an_en_dash() {
        assert_eq!(range("18-29"), "18\u{2013}29");
        assert_eq!(range("67+"), "67+");
        assert_eq!(range("under-18"), "under-18");
        assert_eq!(range("-5"), "-5");
        assert_eq!(range("1-2-3"), "1-2-3");
    }

    #[test]
    fn coefficients_are_written_as_they_are_set() {
        assert_eq!(short(Lang::Da, 0.35), "0,35");
        assert_eq!(short(Lang::En, -0.9), "−0.9");
        assert_eq!(short(Lang::Da, 22.0), "22");
        assert_eq!(short(Lang::Da, 1_000_000.0), "1.000.000");
        assert_eq!(short(Lang::En, 1_234.5), "1,234.5");
        assert_eq!(short(Lang::En, 0.0), "0");
        assert_eq!(short(Lang::En, f64::NAN), "–");
    }

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(int(Lang::Da, 1_234_567), "1.234.567");
        assert_eq!(int(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(int(Lang::En, 999), "999");
        assert_eq!(dec(Lang::Da, 1234.5, 1), "1.234,5");
        assert_eq!(dec(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(dec(Lang::En, -0.004, 2), "0.00");
        assert_eq!(dec(Lang::En, -2.5, 1), "−2.5");
        assert_eq!(percent(Lang::Da, -0.13, 1), "−13,0\u{a0}%");
        assert_eq!(money(Lang::Da, 250_000), "250.000\u{a0}kr.");
        assert_eq!(money(Lang::En, 250_000), "DKK\u{a0}250,000");
        assert_eq!(money_dec(Lang::Da, 8.406, 2), "8,41\u{a0}kr.");
        assert_eq!(money_dec(Lang::En, 1234.5, 2), "DKK\u{a0}1,234.50");
        assert_eq!(percent(Lang::Da, 0.125, 1), "12,5\u{a0}%");
        assert_eq!(dec(Lang::En, f64::NAN, 1), "–");
        assert_eq!(points(Lang::Da, 0.02, 1), "2,0 procentpoint");
        assert_eq!(points(Lang::En, 0.125, 1), "12.5 percentage points");
        assert_eq!(sentence(money(Lang::Da, 5)), "5\u{a0}kr.");
        assert_eq!(sentence(money(Lang::En, 5)), "DKK\u{a0}5.");
    }
}
