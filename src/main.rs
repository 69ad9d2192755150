//! Dialoglab web app: a Yew front end over `dialoglab-engine`.

mod app;
mod charts;
mod components;
mod format;
mod i18n;
mod state;

fn main() {
    // Compiled on every target (so native builds check it), run only in the browser.
    if cfg!(target_arch = "wasm32") {
        yew::Renderer::<app::App>::new().render();
    }
}
