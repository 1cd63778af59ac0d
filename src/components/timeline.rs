use crate::components::timeline_chart::{TimelineChart, CHART_H, COL_W};
use crate::components::timeline_key::TimelineKey;
use crate::components::timeline_marks::TimelineMarks;
use crate::components::timeline_tip::TimelineTip;
use crate::i18n::Lang;
use crate::state::timeline::{bar_tip, column_centre, slider_key, year_at, YearBar};
use crate::web::dom::{pointer_fraction, set_style};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub bars: Rc<Vec<YearBar>>,
    pub range: (i32, i32),
    /// None = all years.
    pub year: Option<i32>,
    pub playing: bool,
    /// Text for aria-valuetext, e.g. "2016: 12 countries, 20 deployments".
    pub value_text: AttrValue,
    pub on_year: Callback<Option<i32>>,
    pub on_step: Callback<i32>,
    pub on_play: Callback<()>,
    pub on_pause: Callback<()>,
}

/// Year bars (stacked by technology, numbered key-event markers, a tooltip per bar on hover and
/// when the slider has focus, a key), a WAI-ARIA slider, step and Play buttons.
#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let s = props.lang.strings();
    let (min, max) = props.range;
    let years = (max - min + 1).max(1) as f64;
    let track = use_node_ref();
    let thumb = use_node_ref();
    let dragging = use_state(|| false);
    // The bar under a mouse pointer, and whether the slider has focus (then its year's bar
    // has the tooltip; Escape dismisses it until the next key or focus).
    let hover = use_state(|| None::<i32>);
    let focused = use_state(|| false);
    let dismissed = use_state(|| false);
    let shown = props.year.unwrap_or(max);

    {
        let thumb = thumb.clone();
        // The thumb sits over the centre of its year's column.
        let frac = ((shown - min) as f64 + 0.5) / years;
        use_effect_with((frac.to_bits(), props.year.is_none()), move |_| {
            set_style(&thumb, &[("left", format!("{:.3}%", frac * 100.0))]);
        });
    }

    let onkeydown = {
        let on_year = props.on_year.clone();
        let year = props.year;
        let dismissed = dismissed.clone();
        let (hover, focused) = (hover.clone(), focused.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *focused && !*dismissed {
                // The tooltip goes first; the next Escape reaches the widget (closes the panel).
                e.stop_propagation();
                dismissed.set(true);
                hover.set(None);
                return;
            }
            dismissed.set(false);
            if let Some(y) = slider_key(&e.key(), year, (min, max)) {
                e.prevent_default();
                on_year.emit(Some(y));
            }
        })
    };
    let onfocus = {
        let (focused, dismissed) = (focused.clone(), dismissed.clone());
        Callback::from(move |_: FocusEvent| {
            focused.set(true);
            dismissed.set(false);
        })
    };
    let onblur = {
        let (focused, dismissed) = (focused.clone(), dismissed.clone());
        Callback::from(move |_: FocusEvent| {
            focused.set(false);
            dismissed.set(false);
        })
    };
    let from_pointer = {
        let track = track.clone();
        let on_year = props.on_year.clone();
        move |e: &PointerEvent| {
            if let Some((fx, _)) = pointer_fraction(&track, e.client_x(), e.client_y()) {
                on_year.emit(Some(year_at(fx, (min, max))));
            }
        }
    };
    let onpointerdown = {
        let dragging = dragging.clone();
        let from_pointer = from_pointer.clone();
        let thumb = thumb.clone();
        Callback::from(move |e: PointerEvent| {
            dragging.set(true);
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = t.set_pointer_capture(e.pointer_id());
                }
                if let Some(t) = thumb.cast::<web_sys::HtmlElement>() {
                    let _ = t.focus();
                }
            }
            let _ = &thumb;
            from_pointer(&e);
        })
    };
    let onpointermove = {
        let dragging = dragging.clone();
        let (track, hover, dismissed) = (track.clone(), hover.clone(), dismissed.clone());
        Callback::from(move |e: PointerEvent| {
            if *dragging {
                from_pointer(&e);
            }
            if e.pointer_type() == "mouse" && !*dismissed {
                let y = pointer_fraction(&track, e.client_x(), e.client_y()).map(|(fx, _)| year_at(fx, (min, max)));
                if y != *hover {
                    hover.set(y);
                }
            }
        })
    };
    let onpointerleave = {
        let (hover, dismissed) = (hover.clone(), dismissed.clone());
        Callback::from(move |_: PointerEvent| {
            hover.set(None);
            dismissed.set(false);
        })
    };
    let onpointerup = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| dragging.set(false))
    };

    // The year's column is highlighted behind the (memoised) bars and later years are veiled
    // in front of them: a year change moves two rectangles instead of re-rendering the chart.
    let index = props.year.map(|y| (y - min) as f64).filter(|i| *i >= 0.0 && *i < years);
    let highlight = match index {
        Some(i) => html! { <rect class="col-bg" x={format!("{:.1}", i * COL_W)} y="0" width={COL_W.to_string()} height={CHART_H.to_string()} /> },
        None => html! { <rect class="col-bg" x="0" y="0" width="0" height={CHART_H.to_string()} /> },
    };
    let veil_from = index.map(|i| (i + 1.0) * COL_W).unwrap_or(years * COL_W);
    let veil = html! { <rect class="tl-after" x={format!("{veil_from:.1}")} y="0" width={format!("{:.1}", years * COL_W - veil_from)} height={CHART_H.to_string()} /> };

    let labels = (min..=max).map(|y| {
        let cls = classes!("tl-label", (y % 2 == 0).then_some("m2"), (y % 5 == 0).then_some("m5"), (y % 10 == 0).then_some("m10"), (y == min || y == max).then_some("edge"));
        html! { <li key={y} class={cls}><span>{ y }</span></li> }
    }).collect::<Html>();

    // The tooltip: the hovered bar, else (slider focused) the year's bar or, for "all years", all.
    let tip_year = match (*hover, *focused && !*dismissed) {
        (Some(y), _) => Some(Some(y)),
        (None, true) => Some(props.year),
        (None, false) => None,
    };
    let tip = tip_year.and_then(|y| bar_tip(&props.bars, y));
    let tip_at = column_centre(tip_year.flatten().unwrap_or(max), (min, max));
    let described = if tip.is_some() { "slider-help tl-tip" } else { "slider-help" };

    let play_label = if props.playing { s.pause } else { s.play };
    let onplay = {
        let (on_play, on_pause, playing) = (props.on_play.clone(), props.on_pause.clone(), props.playing);
        Callback::from(move |_: MouseEvent| if playing { on_pause.emit(()) } else { on_play.emit(()) })
    };
    let prev = props.on_step.reform(|_: MouseEvent| -1);
    let next = props.on_step.reform(|_: MouseEvent| 1);
    let all = props.on_year.reform(|_: MouseEvent| None);
    html! {
        <section class="timeline" aria-label={s.timeline_label}>
            <div class="tl-controls">
                <button type="button" class="play" onclick={onplay} aria-pressed={if props.playing { "true" } else { "false" }}>
                    <span aria-hidden="true" class="icon">{ if props.playing { "❚❚" } else { "▶" } }</span>{ " " }{ play_label }
                </button>
                // Previous/next follow the time axis, which runs left to right in every language.
                <span class="tl-steps" dir="ltr">
                    <button type="button" class="step" onclick={prev} aria-label={s.previous_year} disabled={props.year == Some(min)}>{ "‹" }</button>
                    <button type="button" class="step" onclick={next} aria-label={s.next_year} disabled={props.year == Some(max)}>{ "›" }</button>
                </span>
                <button type="button" class="all" onclick={all} aria-pressed={if props.year.is_none() { "true" } else { "false" }}>{ s.all_years }</button>
                <output class="year-readout" aria-hidden="true">{ props.year.map(|y| y.to_string()).unwrap_or_else(|| s.years(min, max)) }</output>
            </div>
            <TimelineMarks bars={props.bars.clone()} />
            <div class="tl-track" ref={track.clone()} {onpointerdown} {onpointermove} {onpointerleave} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                <TimelineTip lang={props.lang} {tip} at={tip_at} />
                <svg class="tl-chart" viewBox={format!("0 0 {} {}", years * COL_W, CHART_H)} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    { highlight }
                    <TimelineChart bars={props.bars.clone()} />
                    { veil }
                </svg>
                <div class="tl-rail" aria-hidden="true"></div>
                <div ref={thumb} class={classes!("tl-thumb", props.year.is_none().then_some("all"))} role="slider" tabindex="0"
                    aria-label={s.year} aria-valuemin={min.to_string()} aria-valuemax={max.to_string()}
                    aria-valuenow={shown.to_string()} aria-valuetext={props.value_text.clone()}
                    aria-describedby={described} {onkeydown} {onfocus} {onblur}></div>
            </div>
            <ol class="tl-labels" aria-hidden="true">{ labels }</ol>
            <TimelineKey lang={props.lang} bars={props.bars.clone()} />
            <p id="slider-help" class="visually-hidden">{ s.slider_help }</p>
        </section>
    }
}
