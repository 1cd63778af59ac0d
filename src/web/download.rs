//! Saving files and copying text in the browser.

/// Offers `text` as a download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| "could not create the file")?;
        save_blob(filename, &blob)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (filename, mime, text);
        Err("downloads need a browser".into())
    }
}

#[cfg(target_arch = "wasm32")]
fn save_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "could not create a link to the file")?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| "no anchor")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    // Revoke later: the download has to start first.
    crate::web::dom::timeout(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// Draws an SVG onto a canvas at `scale` and offers it as a PNG download.
pub async fn download_png(filename: &str, svg: &str, width: f64, height: f64, scale: f64) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("image/svg+xml");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| "could not create the image")?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no object URL")?;
        let img = web_sys::HtmlImageElement::new().map_err(|_| "no image")?;
        img.set_src(&url);
        JsFuture::from(img.decode()).await.map_err(|_| "the map image could not be drawn")?;
        let _ = web_sys::Url::revoke_object_url(&url);
        let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
        let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").map_err(|_| "no canvas")?.unchecked_into();
        canvas.set_width((width * scale).round() as u32);
        canvas.set_height((height * scale).round() as u32);
        let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten().ok_or("no 2d context")?.unchecked_into();
        ctx.scale(scale, scale).map_err(|_| "scale")?;
        ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width, height).map_err(|_| "draw")?;
        // toBlob, not a data: URL fetched back: the CSP allows no connections to data: URLs.
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            if canvas.to_blob_with_type(&resolve, "image/png").is_err() {
                let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let png = JsFuture::from(promise).await.map_err(|_| "the canvas could not be exported")?;
        if png.is_null() {
            return Err("the canvas could not be exported".into());
        }
        let png: web_sys::Blob = png.unchecked_into();
        save_blob(filename, &png)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (filename, svg, width, height, scale);
        Err("downloads need a browser".into())
    }
}

/// Copies text to the clipboard; falls back to selecting a text field's content.
pub async fn copy_text(text: &str, fallback_field_id: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(w) = web_sys::window() {
            let clip = w.navigator().clipboard();
            if wasm_bindgen_futures::JsFuture::from(clip.write_text(text)).await.is_ok() {
                return true;
            }
            if let Some(el) = w.document().and_then(|d| d.get_element_by_id(fallback_field_id)).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                let _ = el.focus();
                el.select();
            }
        }
        false
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (text, fallback_field_id);
        false
    }
}
