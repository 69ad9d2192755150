//! Dialoglab web app, the initial bundle: the sandbox (`dialoglab_app::app::App`). The other views
//! come in a second bundle (`src/views_main.rs`) loaded on demand.

use dialoglab_app::{app, components, offline};

fn main() {
    // Compiled on every target (so native builds check it), run only in the browser.
    if cfg!(target_arch = "wasm32") {
        let start = components::persistence::read_start();
        let props = app::AppProps { start };
        // Into #app (see index.html), beside the views bundle's host; the whole body otherwise.
        match gloo::utils::document().get_element_by_id(components::views_host::APP_ID) {
            Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
            None => yew::Renderer::<app::App>::with_props(props).render(),
        };
        offline::register();
    }
}
