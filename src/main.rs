//! Dialoglab web app: a Yew front end over `dialoglab-engine`.

mod app;
mod charts;
mod components;
mod export;
mod fields;
mod format;
mod guide;
mod i18n;
mod offline;
mod state;
mod url;
mod view;
mod worker_client;

fn main() {
    // Compiled on every target (so native builds check it), run only in the browser.
    if cfg!(target_arch = "wasm32") {
        let start = components::persistence::read_start();
        yew::Renderer::<app::App>::with_props(app::AppProps { start }).render();
        offline::register();
    }
}
