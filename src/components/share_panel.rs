use crate::components::details_open::use_details_open;
use crate::export::svg::PngSize;
use crate::i18n::Lang;
use yew::prelude::*;

/// What the reader can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Svg,
    Png(crate::export::svg::PngSize),
    Csv,
    Json,
}

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub lang: Lang,
    /// The iframe snippet for the current view.
    pub snippet: AttrValue,
    /// The AMP snippet (`export::embed::amp_snippet`) and the linked preview image for newsletters.
    #[prop_or_default]
    pub amp: AttrValue,
    #[prop_or_default]
    pub image: AttrValue,
    /// The citation of the current view.
    pub citation: AttrValue,
    /// Feedback after a copy or download ("Copied", "Saved map.png", an error).
    #[prop_or_default]
    pub status: AttrValue,
    pub on_copy: Callback<(String, &'static str)>,
    pub on_export: Callback<ExportKind>,
    pub on_present: Callback<()>,
    /// Prints the classroom handout.
    #[prop_or_default]
    pub on_handout: Callback<()>,
}

/// Present, download (SVG, PNG, CSV, JSON), cite and embed.
#[function_component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let s = props.lang.strings();
    // The citation and the snippet follow every year change; while the panel is closed their
    // text areas stay empty, so that a year change does not rewrite them.
    let (open, ontoggle) = use_details_open(false);
    let shown = |v: &AttrValue| if open { v.clone() } else { AttrValue::default() };
    let export = |k: ExportKind, label: &'static str, class: &'static str| {
        let onclick = props.on_export.reform(move |_: MouseEvent| k);
        html! { <button type="button" class={classes!("export", class)} {onclick}>{ label }</button> }
    };
    // A labelled read-only text (citation, snippets) with its Copy button.
    let snippet = |label: &'static str, field: &'static str, rows: &'static str, text: &AttrValue, class: &'static str| {
        let onclick = {
            let text = text.to_string();
            props.on_copy.reform(move |_: MouseEvent| (text.clone(), field))
        };
        html! { <>
            <label for={field}>{ label }</label>
            <textarea id={field} readonly=true {rows} value={shown(text)} />
            <button type="button" class={classes!("copy", class)} {onclick}>{ s.copy }</button>
        </> }
    };
    html! {
        <details class="share" {ontoggle}>
            <summary>{ s.share_title }</summary>
            <div class="share-body">
                <div class="share-row">
                    <button type="button" class="present-button" onclick={props.on_present.reform(|_: MouseEvent| ())}>{ "▶ " }{ s.present }</button>
                    { export(ExportKind::Svg, s.download_svg, "svg") }
                    { export(ExportKind::Png(PngSize::Slides), s.download_png, "png") }
                    { export(ExportKind::Png(PngSize::Square), s.download_png_square, "png-square") }
                    { export(ExportKind::Csv, s.download_csv, "csv") }
                    { export(ExportKind::Json, s.download_json, "json") }
                </div>
                <div class="share-row">
                    <button type="button" class="handout-button" onclick={props.on_handout.reform(|_: MouseEvent| ())}>{ s.print_handout }</button>
                    // The single-file build (scripts/offline.mjs) sits beside index.html.
                    <a class="offline-download" href="surveillance-atlas-offline.html" download="surveillance-atlas-offline.html">{ s.download_offline }</a>
                </div>
                { snippet(s.cite_this, "cite-text", "3", &props.citation, "copy-cite") }
                { snippet(s.embed_code, "embed-code", "4", &props.snippet, "copy-embed") }
                { snippet(s.amp_code, "amp-code", "4", &props.amp, "copy-amp") }
                { snippet(s.image_code, "image-code", "3", &props.image, "copy-image") }
                <p class="share-status" role="status" aria-live="polite">{ props.status.clone() }</p>
            </div>
        </details>
    }
}
