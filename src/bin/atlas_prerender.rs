//! `atlas-prerender [DIST]`: writes the prerendered pages and preview images into a Trunk build
//! (`Trunk.toml` runs it as a post_build hook on the staging folder; DIST defaults to
//! `$TRUNK_STAGING_DIR`, else `dist`). Reads `DIST/index.html`, `DIST/data/atlas.json` and
//! `DIST/geo/world.json`; writes `DIST/index.html`, `DIST/preview.png` and, for every country with
//! an entry, `DIST/country/<iso3>/index.html` and its `preview.png`. `ATLAS_PUBLIC_URL` makes the
//! canonical and preview URLs absolute; `ATLAS_FONT` names the previews' font. Exits 1 with a
//! message on any problem (the build then fails: a release is never half-prerendered).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = run() {
        eprintln!("atlas-prerender: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use std::path::PathBuf;
    use std::rc::Rc;
    use surveillance_atlas::prerender::{self, preview, Parts};

    let dist = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()).unwrap_or_else(|| "dist".into());
    let dist = PathBuf::from(dist);
    let read = |rel: &str| std::fs::read_to_string(dist.join(rel)).map_err(|e| format!("{}: {e}", dist.join(rel).display()));
    let write = |rel: &str, bytes: &[u8]| {
        let path = dist.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    let template = read("index.html")?;
    if template.contains(surveillance_atlas::web::boot::DATA_ID) {
        return Err(format!("{} is already prerendered", dist.join("index.html").display()));
    }
    let data = read("data/atlas.json")?;
    let geo = read("geo/world.json")?;
    let loaded = surveillance_atlas::data::load::build("data/atlas.json", &data, &geo).map_err(|e| format!("{} {}", e.title, e.details.join("; ")))?;
    let loaded = Rc::new(loaded);
    let base = prerender::public_base(std::env::var(prerender::PUBLIC_URL_ENV).ok().as_deref())?;
    let blocks = prerender::blocks(&data, &geo)?;
    let raster = preview::Rasteriser::from_env()?;
    let rt = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let pages = prerender::pages(&loaded);
    let mut indexes = std::collections::HashMap::new();
    for page in &pages {
        let index = indexes.entry(page.lang).or_insert_with(|| rt.block_on(prerender::render_index(loaded.clone(), page.lang)));
        let app = rt.block_on(prerender::render_app(loaded.clone(), &page.query));
        let html = prerender::assemble(&template, page, base.as_deref(), &Parts { app: &app, index: index.as_str(), blocks: &blocks })?;
        write(&format!("{}index.html", page.dir), html.as_bytes())?;
        let (svg, h) = preview::preview_svg(&loaded, page.country.as_deref(), base.as_deref().unwrap_or(""), page.lang);
        write(&format!("{}{}", page.dir, prerender::PREVIEW), &raster.png(&svg, h)?)?;
    }
    eprintln!("atlas-prerender: {} pages and previews in {}", pages.len(), dist.display());
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
