//! CLDR plural categories for whole numbers (the widget only counts things), per language, and the
//! counted phrases that use them. Rules from CLDR 46 `plurals.xml`, integer cases only (`v = 0`):
//!
//! | lang | rule |
//! |---|---|
//! | en | one: n = 1; other |
//! | fr | one: i = 0,1; many: i ≠ 0 and i % 1000000 = 0; other |
//! | es | one: n = 1; many: i ≠ 0 and i % 1000000 = 0; other |
//! | pt | one: i = 0..1; many: i ≠ 0 and i % 1000000 = 0; other |
//! | ar | zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99; other |
//! | zh | other |
//!
//! A hand-written table instead of a crate: the rules are nine lines, and the crates that carry them
//! (`intl_pluralrules`, ICU4X) ship every locale's data into the wasm.

use super::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The CLDR plural category of a whole number in a language.
pub fn category(lang: Lang, n: u64) -> Category {
    let million = n != 0 && n % 1_000_000 == 0;
    match lang {
        Lang::En => if n == 1 { Category::One } else { Category::Other },
        Lang::Fr | Lang::Pt if n <= 1 => Category::One,
        Lang::Es if n == 1 => Category::One,
        Lang::Fr | Lang::Pt | Lang::Es if million => Category::Many,
        Lang::Fr | Lang::Pt | Lang::Es => Category::Other,
        Lang::Ar => match (n, n % 100) {
            (0, _) => Category::Zero,
            (1, _) => Category::One,
            (2, _) => Category::Two,
            (_, 3..=10) => Category::Few,
            (_, 11..=99) => Category::Many,
            _ => Category::Other,
        },
        Lang::Zh => Category::Other,
    }
}

/// A counted phrase in every CLDR category; `{}` stands for the formatted number (a form may leave
/// it out, as Arabic does for one and two). Languages fill only the categories they use: `simple`
/// copies `other` into the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Plural {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// For languages whose rules only use `one` and `other` (and `many` = `other`).
    pub const fn simple(one: &'static str, other: &'static str) -> Plural {
        Plural { zero: other, one, two: other, few: other, many: other, other }
    }

    pub fn form(&self, lang: Lang, n: u64) -> &'static str {
        match category(lang, n) {
            Category::Zero => self.zero,
            Category::One => self.one,
            Category::Two => self.two,
            Category::Few => self.few,
            Category::Many => self.many,
            Category::Other => self.other,
        }
    }

    pub fn format(&self, lang: Lang, n: u64) -> String {
        self.form(lang, n).replace("{}", &super::number::format_int(lang, n as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::Category::*;
    use super::*;

    fn cats(lang: Lang, ns: &[u64]) -> Vec<Category> {
        ns.iter().map(|n| category(lang, *n)).collect()
    }

    #[test]
    fn english_and_spanish_single_out_one() {
        assert_eq!(cats(Lang::En, &[0, 1, 2, 5, 1_000_000]), [Other, One, Other, Other, Other]);
        assert_eq!(cats(Lang::Es, &[0, 1, 2, 21, 1_000_000, 2_000_000, 1_000_001]), [Other, One, Other, Other, Many, Many, Other]);
    }

    #[test]
    fn french_and_portuguese_count_zero_as_one() {
        for l in [Lang::Fr, Lang::Pt] {
            assert_eq!(cats(l, &[0, 1, 2, 100, 1_000_000, 3_000_000]), [One, One, Other, Other, Many, Many], "{l:?}");
        }
    }

    #[test]
    fn arabic_has_six_forms() {
        assert_eq!(
            cats(Lang::Ar, &[0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 110, 111, 199, 200, 1000, 1003]),
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Other, Few, Few, Many, Many, Other, Other, Few]
        );
    }

    #[test]
    fn chinese_has_one_form() {
        assert_eq!(cats(Lang::Zh, &[0, 1, 2, 11, 100]), [Other; 5]);
    }

    #[test]
    fn phrases_pick_the_form_and_format_the_number() {
        let ar = Lang::Ar.strings().countries_n;
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100, 1234].iter().map(|n| ar.format(Lang::Ar, *n)).collect();
        assert_eq!(forms, ["لا دول", "دولة واحدة", "دولتان", "3 دول", "11 دولة", "100 دولة", "1,234 دولة"]);
        assert_eq!(Lang::Zh.strings().deployments(12), "12项部署");
        assert_eq!(Lang::Fr.strings().deployments(0), "0 déploiement");
        assert_eq!(Lang::Fr.strings().deployments(12345), "12\u{202f}345 déploiements");
        assert_eq!(Lang::Pt.strings().countries(1), "1 país");
        assert_eq!(Lang::Es.strings().deployments(2), "2 despliegues");
        assert_eq!(Lang::En.strings().deployments(1), "1 deployment");
    }
}
