//! The row of view tabs under the title: one button per view, the current one marked with
//! `aria-current`. Plain buttons in a labelled `nav`, so Tab and Enter/Space are all it takes.

use yew::prelude::*;

use crate::context::use_app;
use crate::state::{Action, View};

/// The view switcher.
#[component]
pub fn ViewTabs() -> Html {
    let app = use_app();
    let t = app.lang.t();
    html! {
        <nav class="view-tabs" aria-label={t.views_label}>
            { for View::ALL.iter().map(|&view| {
                let onclick = {
                    let app = app.clone();
                    Callback::from(move |_: MouseEvent| app.dispatch(Action::SetView(view)))
                };
                let current = (view == app.view).then_some("page");
                html! {
                    <button type="button" id={format!("tab-{}", view.key())}
                        class={classes!("view-tab", current.map(|_| "current"))}
                        aria-current={current} {onclick}>
                        { app.lang.view(view) }
                    </button>
                }
            }) }
        </nav>
    }
}
