//! Effects that keep the world in step with the state: the address bar (`history.replaceState`),
//! localStorage (last scenario, language, theme), `<html lang>` and `data-theme`. Also reads the
//! start-up inputs (link and storage) before the first render.

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::context::use_app;
use crate::state::{Start, Theme};
use crate::url;

/// Storage key of the last scenario (stored as a link, so old entries migrate like old links).
pub const LAST_KEY: &str = "dialoglab.last";
/// Storage key of the theme.
pub const THEME_KEY: &str = "dialoglab.theme";

/// What the page starts from: its address and the browser's storage.
#[must_use]
pub fn read_start() -> Start {
    let location = gloo::utils::window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let stored = LocalStorage::raw()
        .get_item(LAST_KEY)
        .ok()
        .flatten()
        .and_then(|text| {
            let (q, h) = text.split_once('#').unwrap_or((&text, ""));
            url::decode(q, h).ok().flatten()
        });
    let theme = LocalStorage::raw()
        .get_item(THEME_KEY)
        .ok()
        .flatten()
        .and_then(|k| Theme::from_key(&k));
    Start {
        link: url::decode(&search, &hash).transpose(),
        stored,
        theme,
        place: Some(url::decode_place(&search)),
    }
}

/// Invisible: effects only.
#[component]
pub fn Persistence() -> Html {
    let app = use_app();
    let link = url::with_place(
        &url::encode(&app.preset, &app.scenario, app.lang),
        url::Place {
            view: app.view,
            chapter: app.chapter,
        },
    );
    use_effect_with((link, app.save), |(link, save)| {
        let window = gloo::utils::window();
        let path = window.location().pathname().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{link}")),
            );
        }
        if *save {
            let _ = LocalStorage::raw().set_item(LAST_KEY, link);
        }
    });
    use_effect_with(app.theme, |theme| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", theme.key());
        }
        let _ = LocalStorage::raw().set_item(THEME_KEY, theme.key());
    });
    use_effect_with(app.lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    Html::default()
}
