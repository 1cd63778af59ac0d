use crate::components::evidence_badge::EvidenceBadge;
use crate::components::source_list::SourceList;
use crate::data::model::Deployment;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::state::table::{aria_sort, rows_shown, sort, Sort, SortKey};
use std::rc::Rc;
use crate::components::show_all::ShowAll;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub loaded: Rc<Loaded>,
    pub rows: Rc<Vec<Deployment>>,
    pub lang: Lang,
    /// Caption detail, e.g. "up to 2016 · filters: Huawei".
    pub caption: AttrValue,
    pub on_select: Callback<String>,
    /// For readers without JavaScript (the prerender's `<noscript>` table): no sort buttons,
    /// each country a link to its page, every source list open.
    #[prop_or_default]
    pub plain: bool,
}

/// The deployments shown, as an accessible sortable table with sources in each row.
#[function_component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let s = props.lang.strings();
    let order = use_state(Sort::default);
    // A long table shows its first rows (in the chosen order) and a button for the rest.
    let all = use_state(|| false);
    let loaded = props.loaded.clone();
    let lang = props.lang;
    let country_name = |c: &str| loaded.country_name_in(c, lang);
    let mut rows: Vec<&Deployment> = props.rows.iter().collect();
    sort(&mut rows, *order, country_name, |c| loaded.company_name(c).to_string());

    let header = |key: Option<SortKey>, col: usize| -> Html {
        let label = s.columns[col];
        match key {
            Some(k) if !props.plain => {
                let onclick = {
                    let order = order.clone();
                    Callback::from(move |_: MouseEvent| order.set(order.click(k)))
                };
                let arrow = match aria_sort(*order, k) {
                    "ascending" => "▲",
                    "descending" => "▼",
                    _ => "↕",
                };
                html! { <th scope="col" aria-sort={aria_sort(*order, k)}><button type="button" class="sort" {onclick}>{ label }<span aria-hidden="true" class="arrow">{ arrow }</span></button></th> }
            }
            _ => html! { <th scope="col">{ label }</th> },
        }
    };
    let total = rows.len();
    let shown = if props.plain || *all { total } else { rows_shown(total, 0) };
    // After "Show all", focus moves to the first row that was not shown before.
    let first_new = (shown == total && total > rows_shown(total, 0) && !props.plain).then(|| rows[rows_shown(total, 0)].id.clone());
    let body = rows.iter().take(shown).map(|d| {
        let name = country_name(&d.country);
        let select = props.on_select.reform({
            let c = d.country.clone();
            move |_: MouseEvent| c.clone()
        });
        let companies: Vec<&str> = d.companies.iter().map(|c| props.loaded.company_name(c)).collect();
        let (summary, summary_lang) = d.summary_in(lang.code());
        html! {
            <tr key={d.id.clone()} id={format!("row-{}", d.id)} tabindex={(first_new.as_ref() == Some(&d.id)).then_some("-1")}>
                <th scope="row">
                    if props.plain {
                        <a href={crate::state::url::country_page_in(lang, &d.country)}>{ name }</a>
                    } else {
                        <button type="button" class="link-button" onclick={select}>{ name }</button>
                    }
                </th>
                <td class="num" data-label={s.columns[1]}>{ match d.end_year { Some(e) if e != d.year => s.years(d.year, e), _ => d.year.to_string() } }</td>
                <td data-label={s.columns[2]}>{ &d.place }</td>
                <td data-label={s.columns[3]}>{ if companies.is_empty() { s.unnamed_vendor.to_string() } else { companies.join(", ") } }</td>
                <td data-label={s.columns[4]}>{ d.categories.iter().map(|c| s.category(*c)).collect::<Vec<_>>().join(", ") }</td>
                <td data-label={s.columns[5]}><EvidenceBadge evidence={d.evidence} {lang} /></td>
                <td lang={summary_lang.to_owned()} data-label={s.columns[6]}>{ summary }</td>
                <td data-label={s.columns[7]}><SourceList loaded={props.loaded.clone()} ids={d.sources.clone()} {lang} open={props.plain} list_class={Some(AttrValue::from("table-sources"))} /></td>
            </tr>
        }
    }).collect::<Html>();
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="table-caption">
            <table class="data-table">
                <caption id="table-caption">{ format!("{} ({}) {}", s.table_caption, rows.len(), props.caption) }</caption>
                <thead><tr>
                    { header(Some(SortKey::Country), 0) }{ header(Some(SortKey::Year), 1) }{ header(None, 2) }
                    { header(Some(SortKey::Company), 3) }{ header(Some(SortKey::Category), 4) }{ header(Some(SortKey::Evidence), 5) }
                    { header(None, 6) }{ header(None, 7) }
                </tr></thead>
                <tbody>{ body }</tbody>
            </table>
            if shown < total {
                <ShowAll class="table-more" label={format!("{} · {}", s.sheet_expand, s.deployments(total))} all={all.setter()} focus={AttrValue::from(format!("row-{}", rows[shown].id))} />
            }
        </div>
    }
}
