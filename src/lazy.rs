//! The sandbox bundle's side of the views bundle (`src/views_main.rs`): loads it once, the first
//! time a secondary view opens, and mounts and updates it. Trunk builds that bundle like a Web
//! Worker (`data-type="worker"` in `index.html`: wasm-bindgen's `no-modules` output under a fixed
//! name, not loaded by the page), so it is loaded here with a `<script>` from the site itself
//! (allowed by the Content-Security-Policy, and precached by the service worker) whose global
//! `wasm_bindgen` then fetches and starts the wasm.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use crate::worker_client::describe;

/// The views bundle's JS, relative to the page.
pub const VIEWS_JS: &str = "./dialoglab-views.js";
/// The views bundle's wasm, relative to the page.
pub const VIEWS_WASM: &str = "./dialoglab-views_bg.wasm";

#[wasm_bindgen]
extern "C" {
    /// The views bundle's initialiser (the global its `no-modules` JS defines).
    #[wasm_bindgen(catch, js_name = wasm_bindgen)]
    fn views_init(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
    /// `mount` of `src/views_main.rs`.
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = mount)]
    fn views_mount(host: &Element, snapshot: &str) -> Result<(), JsValue>;
    /// `update` of `src/views_main.rs`.
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = update)]
    fn views_update(snapshot: &str) -> Result<(), JsValue>;
}

/// Loads and starts the views bundle. The error is for the user (English; the page adds its own
/// translated context).
pub async fn load() -> Result<(), String> {
    // A retry after the wasm failed to start must not run the script twice (it declares a global).
    if !SCRIPT_LOADED.get() {
        load_script().await?;
        SCRIPT_LOADED.set(true);
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"module_or_path".into(), &VIEWS_WASM.into())
        .map_err(|e| describe(&e))?;
    let started = views_init(&options).map_err(|e| describe(&e))?;
    JsFuture::from(started)
        .await
        .map_err(|e| format!("{VIEWS_WASM} could not be started: {}", describe(&e)))?;
    Ok(())
}

thread_local! {
    static SCRIPT_LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Adds the views bundle's `<script>` to the page and waits until it has run.
async fn load_script() -> Result<(), String> {
    let document = gloo::utils::document();
    let script = document
        .create_element("script")
        .map_err(|e| format!("no script element: {}", describe(&e)))?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    script
        .set_attribute("src", VIEWS_JS)
        .map_err(|e| describe(&e))?;
    let head = document.head().ok_or("the page has no head")?;
    head.append_child(&script).map_err(|e| describe(&e))?;
    JsFuture::from(loaded)
        .await
        .map_err(|_| format!("{VIEWS_JS} could not be loaded"))?;
    Ok(())
}

/// Mounts the views bundle's app into `host` with the app state `snapshot` (JSON, see
/// [`crate::bridge::Snapshot`]).
pub fn mount(host: &Element, snapshot: &str) -> Result<(), String> {
    views_mount(host, snapshot).map_err(|e| describe(&e))
}

/// Hands the mounted views bundle the new app state.
pub fn update(snapshot: &str) -> Result<(), String> {
    views_update(snapshot).map_err(|e| describe(&e))
}
