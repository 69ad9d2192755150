//! The real-data view. Placeholder from the navigation skeleton: its owner replaces the body.

use yew::prelude::*;

use crate::app::use_app;
use crate::state::View;

/// The real-data view.
#[component]
pub fn PbView() -> Html {
    let app = use_app();
    html! {
        <section class="view-page" aria-labelledby="view-heading">
            <h2 id="view-heading">{ app.lang.view(View::RealData) }</h2>
        </section>
    }
}
