//! A dismissible message about where the scenario came from (a link that could not be opened).

use yew::prelude::*;

use crate::context::use_app;
use crate::state::{Action, Notice};

/// The notice bar (empty when there is nothing to say).
#[component]
pub fn NoticeBar() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let Some(Notice::BadLink(e)) = &app.notice else {
        return Html::default();
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="notice" role="alert" id="link-notice">
            <h2>{ t.bad_link_title }</h2>
            <p>{ lang.link_error(e) }</p>
            <p>{ t.bad_link_tail }</p>
            <button type="button" onclick={dismiss}>{ t.dismiss }</button>
        </div>
    }
}
