use yew::prelude::*;

/// A country's path data, shared (one `Rc<str>` per country, made at load). It compares by
/// identity before comparing its text, so that a year change does not re-read every shape's path.
#[derive(Clone, Debug)]
pub struct SharedPath(pub AttrValue);

impl PartialEq for SharedPath {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (AttrValue::Rc(x), AttrValue::Rc(y)) if std::rc::Rc::ptr_eq(x, y) => true,
            (x, y) => x == y,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CountryPathProps {
    pub iso3: AttrValue,
    /// SVG path data (shared, never copied per render).
    #[prop_or_default]
    pub d: Option<SharedPath>,
    /// Marker centre and radius for states too small for the geometry.
    #[prop_or_default]
    pub marker: Option<(f64, f64, f64)>,
    pub bin: usize,
    pub selected: bool,
    pub new: bool,
    /// The origin of the exports (China): drawn in its own colour, not the scale.
    #[prop_or_default]
    pub origin: bool,
    /// Interactive (has data): a button in the map's roving tab stop.
    pub interactive: bool,
    pub tab_stop: bool,
    #[prop_or_default]
    pub label: AttrValue,
}

/// One country shape or marker. Memoised: a year change re-renders only the countries whose
/// class, label or focus state changed. Events are handled by the map (delegation).
#[function_component]
pub fn CountryPath(props: &CountryPathProps) -> Html {
    let class = classes!(
        if props.d.is_some() { "country" } else { "marker" },
        format!("bin-{}", props.bin),
        props.interactive.then_some("shaded"),
        props.selected.then_some("selected"),
        props.new.then_some("new"),
        props.origin.then_some("origin")
    );
    let id = props.interactive.then(|| format!("c-{}", props.iso3));
    match (&props.d, props.marker, props.interactive) {
        (Some(SharedPath(d)), _, false) => html! { <path {class} d={d.clone()} aria-hidden="true" /> },
        (Some(SharedPath(d)), _, true) => html! {
            <path {id} {class} d={d.clone()} role="button" tabindex={if props.tab_stop { "0" } else { "-1" }}
                aria-label={props.label.clone()} aria-pressed={if props.selected { "true" } else { "false" }} data-iso3={props.iso3.clone()} />
        },
        (None, Some((cx, cy, r)), _) => html! {
            <circle {id} {class} cx={cx.to_string()} cy={cy.to_string()} r={format!("{r:.2}")} role="button"
                tabindex={if props.tab_stop { "0" } else { "-1" }} aria-label={props.label.clone()}
                aria-pressed={if props.selected { "true" } else { "false" }} data-iso3={props.iso3.clone()} />
        },
        _ => Html::default(),
    }
}
