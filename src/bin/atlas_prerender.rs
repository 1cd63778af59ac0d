//! `atlas-prerender [DIST]`: writes the prerendered pages and preview images into a Trunk build
//! (`Trunk.toml` runs it as a post_build hook on the staging folder; DIST defaults to
//! `$TRUNK_STAGING_DIR`, else `dist`). Reads `DIST/index.html`, `DIST/data/atlas.json` and
//! `DIST/geo/world.json`; writes, in every language, the home page and a page for every country
//! with an entry, each with its `preview.png`: `DIST/index.html`, `DIST/country/<iso3>/index.html`,
//! `DIST/fr/index.html`, `DIST/fr/country/<iso3>/index.html`… `ATLAS_PUBLIC_URL` makes the
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
    let raster = preview::Rasteriser::from_env()?;
    let rt = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let pages = prerender::pages(&loaded);
    // Rasterising is most of the time and needs nothing of Yew's: a second thread does it while
    // this one renders the pages (the SVGs go to it through a channel).
    let (tx, rx) = std::sync::mpsc::channel::<(String, String, f64)>();
    let raster_dist = dist.clone();
    let rasteriser = std::thread::spawn(move || -> Result<usize, String> {
        let mut n = 0;
        for (rel, svg, h) in rx {
            let path = raster_dist.join(&rel);
            std::fs::write(&path, raster.png(&svg, h)?).map_err(|e| format!("{}: {e}", path.display()))?;
            n += 1;
        }
        Ok(n)
    });
    for page in &pages {
        let index = rt.block_on(prerender::render_index(loaded.clone(), page.lang, page.country.as_deref()));
        let app = rt.block_on(prerender::render_app(loaded.clone(), &page.query));
        let html = prerender::assemble(&template, page, base.as_deref(), &Parts { app: &app, index: &index })?;
        write(&format!("{}index.html", page.dir), html.as_bytes())?;
        let (svg, h) = preview::preview_svg(&loaded, page.country.as_deref(), base.as_deref().unwrap_or(""), page.lang);
        if tx.send((format!("{}{}", page.dir, prerender::PREVIEW), svg, h)).is_err() {
            break; // the rasteriser stopped: its error is reported below
        }
    }
    drop(tx);
    let images = rasteriser.join().map_err(|_| "the rasterising thread panicked".to_string())??;
    if images != pages.len() {
        return Err(format!("{} preview images written for {} pages", images, pages.len()));
    }
    eprintln!("atlas-prerender: {} pages and previews in {}", pages.len(), dist.display());
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
