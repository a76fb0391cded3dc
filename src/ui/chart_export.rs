//! Saving a chart: the SVG as drawn, or a PNG rendered from it by the browser's canvas at
//! twice the chart's size (sharp on high-density screens and in slides).

use super::links::{blob_url, download, save_url};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Offers the SVG as a file.
pub fn download_svg(name: &str, svg: &str) {
    download(name, svg, "image/svg+xml");
}

/// The width and height written on the SVG's root element.
fn size_of(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let key = format!(" {name}=\"");
        svg.find(&key).and_then(|i| svg[i + key.len()..].split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(800)
    };
    (attr("width"), attr("height"))
}

/// Renders the SVG to a PNG and offers it as a file. `on_error` hears why it failed.
pub fn download_png(name: &str, svg: &str, on_error: impl Fn(String) + 'static) {
    const SCALE: u32 = 2;
    let (width, height) = size_of(svg);
    let document = gloo::utils::document();
    let image = match document.create_element("img").map(|e| e.dyn_into::<web_sys::HtmlImageElement>()) {
        Ok(Ok(img)) => img,
        _ => return on_error("This browser cannot draw images here.".into()),
    };
    let Some(url) = blob_url(svg, "image/svg+xml") else {
        return on_error("Could not prepare the chart.".into());
    };
    let name = name.to_string();
    let img = image.clone();
    let source_url = url.clone();
    let onload = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&source_url);
        let canvas = gloo::utils::document()
            .create_element("canvas")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return on_error("This browser has no canvas.".into()) };
        canvas.set_width(width * SCALE);
        canvas.set_height(height * SCALE);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(context) = context else { return on_error("This browser has no 2D canvas.".into()) };
        let _ = context.scale(f64::from(SCALE), f64::from(SCALE));
        if context.draw_image_with_html_image_element(&img, 0.0, 0.0).is_err() {
            return on_error("The chart could not be drawn as an image.".into());
        }
        match canvas.to_data_url_with_type("image/png") {
            Ok(data_url) => save_url(&name, &data_url),
            Err(_) => on_error("The chart could not be saved as PNG.".into()),
        }
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&url);
}
