use crate::state::timeline::YearBar;
use std::rc::Rc;
use yew::prelude::*;

/// Width of one year's column and height of the chart, in the chart's own units.
pub const COL_W: f64 = 10.0;
pub const CHART_H: f64 = 56.0;

#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    pub bars: Rc<Vec<YearBar>>,
}

/// The year bars (stacked by technology); the key-event markers are `timeline_marks`. They depend on the data and the
/// filters only, never on the selected year, so a year change does not re-render them: the
/// timeline draws the year's highlight and the veil over later years around this group.
#[function_component]
pub fn TimelineChart(props: &TimelineChartProps) -> Html {
    let peak = props.bars.iter().map(|b| b.total()).max().unwrap_or(1).max(1) as f64;
    let bars = props.bars.iter().enumerate().map(|(i, b)| {
        let x = i as f64 * COL_W;
        let mut y = CHART_H;
        let segs = b.segments.iter().map(|(cat, n)| {
            let h = *n as f64 / peak * (CHART_H - 6.0);
            y -= h;
            html! { <rect x={format!("{:.1}", x + 1.5)} y={format!("{y:.2}")} width="7" height={format!("{h:.2}")} class={classes!("seg", format!("cat-{}", cat.id()))} /> }
        }).collect::<Html>();
        html! {
            <g key={b.year} class="yr" data-year={b.year.to_string()}>
                { segs }
            </g>
        }
    }).collect::<Html>();
    html! { <g class="bars">{ bars }</g> }
}
