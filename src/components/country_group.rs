use crate::components::country_path::{CountryPath, SharedPath};
use yew::prelude::*;

/// What one country shape shows: everything `CountryPath` needs, as plain comparable data.
#[derive(Clone, PartialEq, Debug)]
pub struct ShapeView {
    pub iso3: AttrValue,
    pub d: SharedPath,
    pub bin: usize,
    pub selected: bool,
    pub new: bool,
    /// The origin of the exports (China): its own fill.
    pub origin: bool,
    pub interactive: bool,
    pub tab_stop: bool,
    pub label: AttrValue,
}

/// How many shapes one group holds: a year change re-renders the few groups whose countries
/// changed instead of walking all 176 shapes.
pub const GROUP_SIZE: usize = 16;

#[derive(Properties, PartialEq)]
pub struct CountryGroupProps {
    pub shapes: Vec<ShapeView>,
}

/// A run of consecutive country shapes, rendered as a fragment (the `<path>`s stay direct
/// children of the map's `<g class="countries">`, in the same order). Memoised by its props.
#[function_component]
pub fn CountryGroup(props: &CountryGroupProps) -> Html {
    props
        .shapes
        .iter()
        .map(|v| {
            let ShapeView { iso3, d, bin, selected, new, origin, interactive, tab_stop, label } = v.clone();
            html! { <CountryPath {iso3} d={Some(d)} {bin} {selected} {new} {origin} {interactive} {tab_stop} {label} /> }
        })
        .collect()
}
