//! Dialoglab web app, the views bundle: the Sweeps, Real PB data, Panel selection and Guide views
//! (`dialoglab_app::views::ViewsApp`), loaded by the sandbox bundle the first time one of them
//! opens (`src/lazy.rs`). It exports `mount(host, snapshot)` and `update(snapshot)`; the snapshot
//! is the JSON text of `dialoglab_app::bridge::Snapshot`. It also lends the sandbox bundle
//! `qr(text)` (the share dialog's QR code) and `simulated_pb(scenario)` (the `.pb` download), whose
//! code thus stays out of the initial load.

fn main() {
    // Nothing runs on load: the sandbox bundle calls `mount`.
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use std::rc::Rc;

    use dialoglab_app::bridge::Snapshot;
    use dialoglab_app::charts::qr::qr_path;
    use dialoglab_app::views::{ViewsApp, ViewsAppProps};
    use dialoglab_engine::Scenario;
    use wasm_bindgen::prelude::*;
    use yew::AppHandle;

    thread_local! {
        static APP: RefCell<Option<AppHandle<ViewsApp>>> = const { RefCell::new(None) };
    }

    fn props(snapshot: &str) -> Result<ViewsAppProps, JsValue> {
        let snapshot = Snapshot::from_json(snapshot).map_err(|e| JsValue::from_str(&e))?;
        Ok(ViewsAppProps {
            snapshot: Rc::new(snapshot),
            send: None,
        })
    }

    /// Draws the views into `host` for the app state `snapshot` (once; later calls update).
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, snapshot: &str) -> Result<(), JsValue> {
        let props = props(snapshot)?;
        APP.with_borrow_mut(|app| match app {
            Some(handle) => handle.update(props),
            None => {
                *app = Some(yew::Renderer::<ViewsApp>::with_root_and_props(host, props).render());
            }
        });
        Ok(())
    }

    /// Redraws the mounted views for the app state `snapshot`.
    #[wasm_bindgen]
    pub fn update(snapshot: &str) -> Result<(), JsValue> {
        let props = props(snapshot)?;
        APP.with_borrow_mut(|app| match app {
            Some(handle) => {
                handle.update(props);
                Ok(())
            }
            None => Err(JsValue::from_str("the views are not mounted")),
        })
    }

    /// The QR code of `text` as `{size, d}` (see `dialoglab_app::charts::qr::QrPath`), or `null`
    /// when the text is too long for one.
    #[wasm_bindgen]
    pub fn qr(text: &str) -> Result<JsValue, JsValue> {
        let Some(code) = qr_path(text) else {
            return Ok(JsValue::NULL);
        };
        let out = js_sys::Object::new();
        js_sys::Reflect::set(&out, &"size".into(), &JsValue::from(code.size as f64))?;
        js_sys::Reflect::set(&out, &"d".into(), &JsValue::from_str(&code.d))?;
        Ok(out.into())
    }

    /// The simulated vote of `scenario` (its JSON) as a pabulib `.pb` file, or `null` when the
    /// scenario cannot run.
    #[wasm_bindgen]
    pub fn simulated_pb(scenario: &str) -> Result<JsValue, JsValue> {
        let scenario =
            Scenario::from_json(scenario).map_err(|e| JsValue::from_str(&e.to_string()))?;
        Ok(dialoglab_app::export::simulated_pb(&scenario).map_or(JsValue::NULL, JsValue::from))
    }
}
