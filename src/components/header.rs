//! Title bar with the language switch.

use yew::prelude::*;

use crate::app::use_app;
use crate::i18n::Lang;
use crate::state::Action;

/// The page header.
#[component]
pub fn Header() -> Html {
    let app = use_app();
    let t = app.lang.t();
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(lang) = Lang::from_code(&value) {
                app.dispatch(Action::SetLang(lang));
            }
        })
    };
    html! {
        <header class="topbar">
            <div>
                <h1>{ t.title }</h1>
                <p class="tagline">{ t.tagline }</p>
            </div>
            <label class="lang">
                <span>{ t.language_label }</span>
                <select id="lang" {onchange}>
                    { for Lang::ALL.iter().map(|l| html! {
                        <option value={l.code()} selected={*l == app.lang} lang={l.code()}>
                            { l.t().language_name }
                        </option>
                    }) }
                </select>
            </label>
        </header>
    }
}
