//! Title bar with the language and theme switches and the Share button.

use yew::prelude::*;

use crate::components::share_dialog::ShareDialog;
use crate::components::view_tabs::ViewTabs;
use crate::context::use_app;
use crate::i18n::Lang;
use crate::state::{Action, Notice, Theme};

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

/// The page header.
#[component]
pub fn Header() -> Html {
    let app = use_app();
    let t = app.lang.t();
    let share_open = use_state(|| false);
    let on_lang = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(lang) = Lang::from_code(&select_value(&e)) {
                app.dispatch(Action::SetLang(lang));
            }
        })
    };
    let on_theme = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(theme) = Theme::from_key(&select_value(&e)) {
                app.dispatch(Action::SetTheme(theme));
            }
        })
    };
    let open = {
        let (share_open, app) = (share_open.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            // A message about an earlier upload does not belong to this visit of the dialog.
            if matches!(
                app.notice,
                Some(Notice::Uploaded | Notice::BadUpload(_) | Notice::BadFile(_))
            ) {
                app.dispatch(Action::DismissNotice);
            }
            share_open.set(true);
        })
    };
    let on_close = {
        let share_open = share_open.clone();
        Callback::from(move |()| share_open.set(false))
    };
    // Focus the results without touching the address (its fragment holds the scenario), and
    // bring them to the top of the screen (on a phone the first screen is then the results').
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        super::focus_on("results-heading");
    });
    html! {
        <header class="topbar">
            <a class="skip-link" href="#results-heading" onclick={skip}>{ t.skip_link }</a>
            <div class="brand">
                <h1>{ t.title }</h1>
                <p class="tagline">{ t.tagline }</p>
            </div>
            <div class="switches">
                <label class="switch">
                    <span>{ t.language_label }</span>
                    <select id="lang" onchange={on_lang}>
                        { for Lang::ALL.iter().map(|l| html! {
                            <option value={l.code()} selected={*l == app.lang} lang={l.code()}>
                                { l.t().language_name }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="switch">
                    <span>{ t.theme_label }</span>
                    <select id="theme" onchange={on_theme}>
                        { for Theme::ALL.iter().map(|th| html! {
                            <option value={th.key()} selected={*th == app.theme}>{ app.lang.theme(*th) }</option>
                        }) }
                    </select>
                </label>
                <button type="button" id="share" class="primary" onclick={open}>{ t.share_button }</button>
            </div>
            <ViewTabs />
            <ShareDialog open={*share_open} {on_close} />
        </header>
    }
}
