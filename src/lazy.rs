//! The sandbox bundle's side of the views bundle (`src/views_main.rs`): loads it once, the first
//! time a secondary view opens, and mounts and updates it. Trunk builds that bundle like a Web
//! Worker (`data-type="worker"` in `index.html`: wasm-bindgen's `no-modules` output under a fixed
//! name, not loaded by the page), so it is loaded here with a `<script>` from the site itself
//! (allowed by the Content-Security-Policy, and precached by the service worker) whose global
//! `wasm_bindgen` then fetches and starts the wasm.
//!
//! It also draws panels of the sandbox page ([`crate::bridge::Panel`]: [`mount_panel`]), whose
//! callers load the bundle first ([`load`]: once, shared with the views; concurrent callers wait
//! for the same load).

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use crate::bridge::Panel;
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
    /// `mount_panel` of `src/views_main.rs`.
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = mount_panel)]
    fn views_mount_panel(
        id: u32,
        panel: &str,
        host: &Element,
        snapshot: &str,
    ) -> Result<(), JsValue>;
    /// `update_panel` of `src/views_main.rs`.
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = update_panel)]
    fn views_update_panel(id: u32, snapshot: &str) -> Result<(), JsValue>;
    /// `unmount_panel` of `src/views_main.rs`.
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = unmount_panel)]
    fn views_unmount_panel(id: u32) -> Result<(), JsValue>;
}

thread_local! {
    /// The load under way or done; cleared when it fails, so that the next call tries again.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Loads and starts the views bundle, once: later and concurrent calls wait for the same load,
/// and after a failure the next call tries again. The error is for the user (English; the page
/// adds its own translated context).
pub async fn load() -> Result<(), String> {
    let promise = LOADING.with_borrow_mut(|loading| {
        loading
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    start()
                        .await
                        .map(|()| JsValue::UNDEFINED)
                        .map_err(JsValue::from)
                })
            })
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(e) => {
            LOADING.with_borrow_mut(|loading| *loading = None);
            Err(describe(&e))
        }
    }
}

/// Fetches and starts the views bundle.
async fn start() -> Result<(), String> {
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

/// Draws `panel` into `host` for the panel state `snapshot` (JSON, see
/// [`crate::bridge::PanelSnapshot`]); `id` names it in [`update_panel`] and [`unmount_panel`]. The
/// views bundle must be loaded ([`load`]).
pub fn mount_panel(id: u32, panel: Panel, host: &Element, snapshot: &str) -> Result<(), String> {
    views_mount_panel(id, panel.key(), host, snapshot).map_err(|e| describe(&e))
}

/// Hands the mounted panel `id` the new panel state.
pub fn update_panel(id: u32, snapshot: &str) -> Result<(), String> {
    views_update_panel(id, snapshot).map_err(|e| describe(&e))
}

/// Removes the panel `id` (its jobs stop with it), if it was mounted.
pub fn unmount_panel(id: u32) {
    if SCRIPT_LOADED.get() {
        let _ = views_unmount_panel(id);
    }
}
