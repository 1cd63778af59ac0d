//! Number formatting per language (CLDR symbols, Latin digits): `12,345.6` (en, zh, and Arabic
//! written with Western digits, as most Arabic news sites do), `12 345,6` (fr, narrow no-break
//! space), `12.345,6` (pt, es). Spanish groups only from five digits (`1234`, `12.345`): CLDR's
//! minimum grouping digits of 2.

use super::Lang;

/// (group separator, decimal mark, minimum grouping digits)
fn symbols(lang: Lang) -> (&'static str, &'static str, usize) {
    match lang {
        Lang::En | Lang::Zh | Lang::Ar => (",", ".", 1),
        Lang::Fr => ("\u{202f}", ",", 1),
        Lang::Pt => (".", ",", 1),
        Lang::Es => (".", ",", 2),
    }
}

fn group(digits: &str, sep: &str, min: usize) -> String {
    if digits.len() < 4 + (min - 1) {
        return digits.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

pub fn format_int(lang: Lang, n: i64) -> String {
    let (sep, _, min) = symbols(lang);
    let g = group(&n.unsigned_abs().to_string(), sep, min);
    if n < 0 { format!("-{g}") } else { g }
}

/// A decimal with a fixed number of fraction digits.
pub fn format_decimal(lang: Lang, x: f64, fraction: usize) -> String {
    let (sep, dec, min) = symbols(lang);
    let s = format!("{:.*}", fraction, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let sign = if x < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0') { "-" } else { "" };
    let int = group(int, sep, min);
    if frac.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int}{dec}{frac}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_group_by_language() {
        let row = |n| Lang::ALL.map(|l| format_int(l, n));
        assert_eq!(row(999), ["999"; 6]);
        assert_eq!(row(1234), ["1,234", "1\u{202f}234", "1234", "1.234", "1,234", "1,234"]);
        assert_eq!(row(12345), ["12,345", "12\u{202f}345", "12.345", "12.345", "12,345", "12,345"]);
        assert_eq!(row(-1234567), ["-1,234,567", "-1\u{202f}234\u{202f}567", "-1.234.567", "-1.234.567", "-1,234,567", "-1,234,567"]);
    }

    #[test]
    fn decimals_use_the_language_mark() {
        let row = |x, f| Lang::ALL.map(|l| format_decimal(l, x, f));
        assert_eq!(row(1234.56, 1), ["1,234.6", "1\u{202f}234,6", "1234,6", "1.234,6", "1,234.6", "1,234.6"]);
        assert_eq!(row(0.5, 2), ["0.50", "0,50", "0,50", "0,50", "0.50", "0.50"]);
        assert_eq!(format_decimal(Lang::Es, 12345.0, 0), "12.345");
        assert_eq!(format_decimal(Lang::En, -0.01, 1), "0.0");
    }
}
