//! Registers the service worker (`assets/sw.js`, its precache list written at build time by
//! `scripts/sw-manifest.mjs`) that lets the built site work offline after the first visit. Only on
//! http(s) pages whose browser offers service workers; any failure is ignored, because the app
//! works online without it.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Whether a page with this `location.protocol` may register a service worker.
#[must_use]
pub fn allowed(protocol: &str) -> bool {
    matches!(protocol, "http:" | "https:")
}

/// Registers `sw.js` next to the page (a relative URL, so any origin and sub-path works).
pub fn register() {
    let window = gloo::utils::window();
    if !allowed(&window.location().protocol().unwrap_or_default()) {
        return;
    }
    // Looked up dynamically: `navigator.serviceWorker` is missing on insecure origins and in some
    // embedded browsers, and a synchronous throw must not abort the app.
    let navigator: JsValue = window.navigator().into();
    let Ok(container) = Reflect::get(&navigator, &JsValue::from_str("serviceWorker")) else {
        return;
    };
    if container.is_undefined() || container.is_null() {
        return;
    }
    let Some(register) = Reflect::get(&container, &JsValue::from_str("register"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    if let Ok(promise) = register.call1(&container, &JsValue::from_str("sw.js"))
        && let Ok(promise) = promise.dyn_into::<Promise>()
    {
        wasm_bindgen_futures::spawn_local(async move {
            // A rejected registration (e.g. no sw.js under `trunk serve`) only means no offline use.
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_pages_register() {
        assert!(allowed("https:") && allowed("http:"));
        assert!(!allowed("file:") && !allowed("about:") && !allowed(""));
    }
}
