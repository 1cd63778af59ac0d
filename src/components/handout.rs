use crate::export::handout::Numbered;
use crate::export::qr::{build_time_url, public_url, Qr};
use crate::export::svg::{map_svg, SvgText};
use crate::i18n::Lang;
use crate::state::aggregate::country_stats;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HandoutProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub on_close: Callback<()>,
}

/// The printable classroom handout: title, the map with its legend (all years, as an image of
/// the same SVG as "Download SVG"), the key figures, every story step with its year, country and
/// source numbers, the numbered sources, the data's date, and a QR code to the live atlas (or a
/// note saying why there is none). On screen it is a preview with Print and Close.
#[function_component]
pub fn Handout(props: &HandoutProps) -> Html {
    let s = props.lang.strings();
    let data = &props.loaded.data;
    // The canonical link is read after mounting (browser-only), then the code is drawn.
    let canonical = use_state(|| None::<String>);
    {
        let canonical = canonical.clone();
        use_effect_with((), move |_| canonical.set(crate::web::print::canonical_href()));
    }
    let url = public_url(build_time_url(), canonical.as_deref());
    let qr = use_memo(url.clone(), |u| u.as_deref().and_then(Qr::encode));
    let map = use_memo((props.loaded.clone(), props.lang), |(l, lang)| {
        let s = lang.strings();
        let stats = country_stats(l.data.deployments.iter(), None);
        let subtitle = format!("{} · {}", s.all_years, s.countries(stats.len()));
        let text = SvgText::in_language(s, &subtitle, s.svg_map_credit);
        let (svg, _, _) = map_svg(&l.world, &stats, None, None, &text, None);
        format!("data:image/svg+xml;charset=utf-8,{}", crate::state::url::percent_encode(&svg))
    });
    let numbered = Numbered::new(data);
    let place = |c: &Option<String>| c.as_deref().map(|c| format!(" · {}", props.loaded.country_name_in(c, props.lang))).unwrap_or_default();
    let meta = &data.meta;
    html! {
        <article class="handout" aria-labelledby="handout-title">
            <div class="handout-actions">
                <button type="button" class="handout-print" onclick={Callback::from(|_: MouseEvent| crate::web::print::print_page())}>{ s.handout_print }</button>
                <button type="button" class="handout-close" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ s.handout_close }</button>
            </div>
            <header class="handout-head">
                <h1 id="handout-title">{ s.title }</h1>
                <p class="handout-dek">{ s.subtitle }</p>
                <p class="handout-data">{ format!("{} {}{}{}", s.handout_data, meta.updated, if meta.version.is_empty() { String::new() } else { format!(" · {} {}", s.handout_version, meta.version) }, if meta.licence.is_empty() { String::new() } else { format!(" · {}", meta.licence) }) }</p>
                <div class="handout-qr">
                    if let (Some(code), Some(u)) = ((*qr).as_ref(), url.as_ref()) {
                        <svg class="qr" viewBox={format!("0 0 {0} {0}", code.side())} role="img" aria-label={format!("{} {u}", s.handout_qr)}>
                            <rect width={code.side().to_string()} height={code.side().to_string()} fill="#fff" />
                            <path d={code.path()} fill="#000" />
                        </svg>
                        <p>{ s.handout_qr }{ " " }<span class="handout-url">{ u }</span></p>
                    } else {
                        <p class="handout-no-qr">{ s.handout_no_qr }</p>
                    }
                </div>
            </header>
            <figure class="handout-map">
                <img src={(*map).clone()} alt={format!("{}: {}", s.map_label, s.legend_title)} />
            </figure>
            if !data.figures.is_empty() {
                <section class="handout-figures">
                    <h2>{ s.at_a_glance }</h2>
                    <ul>
                        { for data.figures.iter().map(|f| html! {
                            <li><strong>{ &f.value }</strong>{ " " }<span lang="en">{ &f.label }</span>{ if f.label.contains(&format!("({})", f.year)) { format!(" {}", numbered.refs(&f.sources)) } else { format!(" ({}) {}", f.year, numbered.refs(&f.sources)) } }</li>
                        }) }
                    </ul>
                </section>
            }
            <section class="handout-story">
                <h2>{ s.handout_story }</h2>
                <ol>
                    { for data.story.iter().enumerate().map(|(i, st)| html! {
                        <li class="handout-step">
                            <p class="handout-step-head">{ format!("{} {} · {}{}", s.step, i + 1, st.year, place(&st.country)) }</p>
                            <p lang="en">{ &st.caption }{ format!(" {}", numbered.refs(&st.sources)) }</p>
                        </li>
                    }) }
                </ol>
            </section>
            <section class="handout-sources">
                <h2>{ s.handout_sources }</h2>
                <ol>
                    { for numbered.sources().iter().map(|src| html! {
                        <li>
                            { format!("{}, “{}”, {}.", src.publisher, src.title, src.date) }
                            if let Some(u) = src.url.as_ref().or(src.via.as_ref()).filter(|u| crate::data::validate::is_http_url(u)) {
                                { " " }<span class="handout-url">{ u }</span>
                            }
                        </li>
                    }) }
                </ol>
            </section>
        </article>
    }
}
