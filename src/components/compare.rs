//! Compare: pin the current run as A, change parameters, and see B (the current run) beside it.
//! The heading and the buttons are here; the comparison itself — the difference table, A and B in
//! the same towns, the charts — is drawn by the views bundle (`comparison.rs`,
//! [`Panel::Compare`]) while a run is pinned.

use yew::prelude::*;

use crate::bridge::Panel;
use crate::components::lazy_panel::LazyPanel;
use crate::context::use_app;
use crate::state::Action;

/// The compare section.
#[component]
pub fn Compare() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let pin = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Pin))
    };
    let unpin = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Unpin))
    };
    let body = match (&app.pinned, &app.report) {
        (Some(_), Some(b)) => html! { <LazyPanel panel={Panel::Compare} run={b.clone()} /> },
        _ => html! { <p class="hint">{ t.compare_hint }</p> },
    };
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading" tabindex="-1">{ t.compare_heading }</h2>
            <div class="buttons">
                <button type="button" id="pin" onclick={pin} disabled={!app.is_current()}>{ t.pin }</button>
                if app.pinned.is_some() {
                    <button type="button" id="unpin" onclick={unpin}>{ t.unpin }</button>
                }
            </div>
            { body }
        </section>
    }
}
