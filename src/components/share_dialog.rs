//! The Share dialog (native `<dialog>`, modal): the link with a Copy button, the message about an
//! uploaded scenario, and, drawn by the views bundle once the dialog first opens
//! (`share_tools.rs`, [`Panel::Share`]), the link's QR code, download and upload of the scenario
//! as JSON and download of the simulated vote as `.pb`. Meanwhile the dialog says they are
//! loading, and if the bundle cannot be loaded it says why and offers to try again (the link and
//! the rest of the page keep working).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bridge::Panel;
use crate::components::lazy_panel::LazyPanel;
use crate::context::{AppContext, use_app};
use crate::state::Notice;
use crate::url;

/// Props of [`ShareDialog`].
#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// Whether the dialog is shown.
    pub open: bool,
    /// Called when the dialog closes (Escape, the Close button).
    pub on_close: Callback<()>,
}

/// The link to the scenario being edited: the page's address without query and fragment, then
/// the scenario's query and fragment ([`url::encode`]); outside the browser only the latter.
#[must_use]
pub fn share_link(app: &AppContext) -> String {
    format!(
        "{}{}",
        url::page_base(),
        url::encode(&app.preset, &app.scenario, app.lang)
    )
}

/// The dialog.
#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let dialog = use_node_ref();
    let copied = use_state(|| false);
    {
        let dialog = dialog.clone();
        let copied = copied.clone();
        use_effect_with(props.open, move |open| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if *open && !d.open() {
                    let _ = d.show_modal();
                    copied.set(false);
                } else if !*open && d.open() {
                    d.close();
                }
            }
        });
    }
    let link = if props.open {
        share_link(&app)
    } else {
        String::new()
    };
    let on_copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&link);
            if let Some(input) = gloo::utils::document().get_element_by_id("share-link") {
                let input: web_sys::HtmlInputElement = input.unchecked_into();
                input.select();
            }
            copied.set(true);
        })
    };
    let on_close_click = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    // Tab from the last control goes to the first, Shift+Tab from the first to the last: the
    // focus stays in the dialog (a modal dialog otherwise lets it leave for the browser's own bar).
    let on_key = Callback::from(|e: KeyboardEvent| {
        if e.key() != "Tab" {
            return;
        }
        let document = gloo::utils::document();
        let at = document.active_element().map(|a| a.id());
        let (from, to) = if e.shift_key() {
            ("share-link", "close-share")
        } else {
            ("close-share", "share-link")
        };
        if at.as_deref() == Some(from)
            && let Some(target) = document.get_element_by_id(to)
        {
            e.prevent_default();
            let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    let on_dialog_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: Event| on_close.emit(()))
    };
    let notice = match &app.notice {
        Some(Notice::Uploaded) => {
            html! { <p class="ok" role="status" id="upload-status">{ t.uploaded }</p> }
        }
        Some(Notice::BadUpload(e)) => html! {
            <p class="error" role="alert" id="upload-status">{ format!("{}: {}", t.bad_upload, lang.scenario_error(e)) }</p>
        },
        Some(Notice::BadFile(p)) => html! {
            <p class="error" role="alert" id="upload-status">{ format!("{}: {}", t.bad_upload, lang.file_problem(*p)) }</p>
        },
        _ => html! { <p role="status" id="upload-status"></p> },
    };
    html! {
        <dialog ref={dialog} id="share-dialog" aria-labelledby="share-title" onclose={on_dialog_close} onkeydown={on_key}>
            if props.open {
                <h2 id="share-title">{ t.share_title }</h2>
                <p>{ t.share_intro }</p>
                <label for="share-link">{ t.link_label }</label>
                <div class="with-unit">
                    <input id="share-link" type="text" readonly=true value={link.clone()} />
                    <button type="button" id="copy-link" onclick={on_copy}>{ t.copy_link }</button>
                </div>
                <p role="status" class="ok">{ if *copied { t.copied } else { "" } }</p>
                <LazyPanel panel={Panel::Share} />
                { notice }
                <button type="button" id="close-share" class="primary" onclick={on_close_click}>{ t.close }</button>
            }
        </dialog>
    }
}
