//! The meeting's place in the sandbox: a heading, what the view shows, and a button that opens
//! it. The view itself (`meeting_view`, a traced run) lives in the lazily loaded views bundle, so
//! its code and the trace stay out of the initial load.

use yew::prelude::*;

use crate::context::use_app;
use crate::state::{Action, View};

/// The sandbox's link to the meeting view.
#[component]
pub fn MeetingLink() -> Html {
    let app = use_app();
    let t = app.lang.t();
    let onclick = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetView(View::Meeting)))
    };
    html! {
        <section class="meeting" aria-labelledby="meeting-heading">
            <h2 id="meeting-heading">{ t.meeting_title }</h2>
            <p class="hint">{ t.meeting_hint }</p>
            <button type="button" id="meeting-open" {onclick}>{ t.meeting_open }</button>
        </section>
    }
}
