//! Dialoglab web app, the views bundle: the Sweeps, Real PB data, Panel selection and Guide views
//! (`dialoglab_app::views::ViewsApp`), loaded by the sandbox bundle the first time one of them
//! opens (`src/lazy.rs`). It exports `mount(host, snapshot)` and `update(snapshot)`; the snapshot
//! is the JSON text of `dialoglab_app::bridge::Snapshot`. It also draws panels of the sandbox page
//! whose code need not be in the first screen's bundle (`dialoglab_app::bridge::Panel`: the
//! many-towns and robustness panels with the worker client they use, the charts of the results'
//! sections, Compare's A and B, the share dialog's QR code and files) into hosts the sandbox bundle
//! keeps in its page: `mount_panel(id, panel, host, snapshot)`, `update_panel(id, snapshot)`,
//! `unmount_panel(id)`.

fn main() {
    // Nothing runs on load: the sandbox bundle calls `mount`.
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use std::rc::Rc;

    use dialoglab_app::bridge::{Panel, PanelSnapshot, Snapshot};
    use dialoglab_app::views::{PanelApp, PanelAppProps, ViewsApp, ViewsAppProps};
    use wasm_bindgen::prelude::*;
    use yew::AppHandle;

    thread_local! {
        static APP: RefCell<Option<AppHandle<ViewsApp>>> = const { RefCell::new(None) };
        /// The mounted panels, by the id the sandbox bundle gave each.
        static PANELS: RefCell<Vec<(u32, Panel, AppHandle<PanelApp>)>> = const { RefCell::new(Vec::new()) };
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

    fn panel_props(panel: Panel, snapshot: &str) -> Result<PanelAppProps, JsValue> {
        let snapshot = PanelSnapshot::from_json(snapshot).map_err(|e| JsValue::from_str(&e))?;
        Ok(PanelAppProps {
            panel,
            snapshot: Rc::new(snapshot),
            send: None,
        })
    }

    /// Draws the panel named `panel` (`Panel::key`) into `host`, a host inside the sandbox
    /// bundle's page, for the panel state `snapshot` (`PanelSnapshot`'s JSON); `id` names this
    /// panel in later calls.
    ///
    /// The views app is mounted first (it draws nothing for the sandbox). Each Yew app numbers
    /// its roots from 1 and brands the elements it listens on with that number; the sandbox
    /// bundle's app at `#app` is root 1 of its own wasm and this host lies inside it. Its events
    /// pass the sandbox bundle's listener first, which lets them be only if their branding is not
    /// its own 1: so a panel root must never be this wasm's first root.
    #[wasm_bindgen]
    pub fn mount_panel(
        id: u32,
        panel: &str,
        host: web_sys::Element,
        snapshot: &str,
    ) -> Result<(), JsValue> {
        let panel = Panel::from_key(panel)
            .ok_or_else(|| JsValue::from_str(&format!("unknown panel {panel}")))?;
        let props = panel_props(panel, snapshot)?;
        if APP.with_borrow(Option::is_none) {
            let views_host = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("views-host"))
                .ok_or_else(|| JsValue::from_str("the page has no #views-host"))?;
            let views = PanelSnapshot::from_json(snapshot)
                .map_err(|e| JsValue::from_str(&e))?
                .app
                .to_json();
            mount(views_host, &views)?;
        }
        unmount_panel(id);
        let handle = yew::Renderer::<PanelApp>::with_root_and_props(host, props).render();
        PANELS.with_borrow_mut(|panels| panels.push((id, panel, handle)));
        Ok(())
    }

    /// Redraws the panel `id` for the panel state `snapshot`.
    #[wasm_bindgen]
    pub fn update_panel(id: u32, snapshot: &str) -> Result<(), JsValue> {
        PANELS.with_borrow_mut(|panels| {
            let (_, panel, handle) = panels
                .iter_mut()
                .find(|(i, _, _)| *i == id)
                .ok_or_else(|| JsValue::from_str(&format!("no panel {id} is mounted")))?;
            handle.update(panel_props(*panel, snapshot)?);
            Ok(())
        })
    }

    /// Removes the panel `id` (its jobs stop with it); nothing if it is not mounted.
    #[wasm_bindgen]
    pub fn unmount_panel(id: u32) {
        let gone = PANELS.with_borrow_mut(|panels| {
            panels
                .iter()
                .position(|(i, _, _)| *i == id)
                .map(|k| panels.remove(k))
        });
        if let Some((_, _, handle)) = gone {
            handle.destroy();
        }
    }
}
