//! URL state round-trips over random views (property test), and parsing never panics.

use proptest::prelude::*;
use surveillance_atlas::data::model::{Category, Evidence, Region};
use surveillance_atlas::i18n::Lang;
use surveillance_atlas::state::url::{parse, serialize};
use surveillance_atlas::state::view::{Filters, Tab, Theme, ViewState};

fn view() -> impl Strategy<Value = ViewState> {
    let id = "[a-z][a-z0-9-]{0,12}";
    (
        proptest::option::of(1990i32..=2035),
        proptest::option::of("[A-Z]{3}"),
        proptest::collection::btree_set(id, 0..4),
        proptest::collection::btree_set(proptest::sample::select(Category::ALL.to_vec()), 0..4),
        proptest::collection::btree_set(proptest::sample::select(Evidence::ALL.to_vec()), 0..3),
        proptest::sample::select(vec![Tab::Map, Tab::Table]),
        proptest::option::of(proptest::sample::select(Region::ALL[1..].to_vec())),
        proptest::option::of(proptest::sample::select(Lang::ALL.to_vec())),
        proptest::sample::select(vec![Theme::Auto, Theme::Light, Theme::Dark]),
        (any::<bool>(), any::<bool>()),
        (any::<bool>(), any::<bool>()),
        0usize..20,
    )
        .prop_map(|(year, country, companies, categories, evidence, tab, region, lang, theme, (embed, embed_full), (present, presenter), step)| ViewState {
            embed_full,
            year,
            country,
            filters: Filters { companies, categories, evidence },
            tab,
            region,
            lang,
            theme,
            embed,
            present,
            presenter: present && presenter,
            step: if present { step } else { 0 },
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn serialise_then_parse_is_identity(v in view()) {
        let q = serialize(&v);
        prop_assert_eq!(parse(&q), v.clone(), "query {}", q);
        // Serialising is stable.
        prop_assert_eq!(serialize(&parse(&q)), q);
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(s in ".{0,300}") {
        let v = parse(&s);
        // Whatever came in, what goes out parses back to the same view.
        prop_assert_eq!(parse(&serialize(&v)), v);
    }

    #[test]
    fn parsing_mangled_real_queries_never_panics(v in view(), cut in 0usize..200, junk in "[%&=,+a-z0-9]{0,20}") {
        let q = serialize(&v);
        let cut = cut.min(q.len());
        let mangled = format!("{}{}{}", &q[..cut], junk, &q[cut..]);
        let w = parse(&mangled);
        prop_assert_eq!(parse(&serialize(&w)), w);
    }
}
