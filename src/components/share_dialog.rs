//! The Share dialog (native `<dialog>`, modal): the link with a Copy button, its QR code as SVG,
//! download/upload of the scenario as JSON and download of the simulated vote as `.pb`. The QR
//! code and the `.pb` file are made by the views bundle (`src/lazy.rs`), loaded when the dialog
//! first opens, so their code is not part of the initial load; meanwhile the dialog says so, and
//! if the bundle cannot be loaded it says why and offers to try again (the link, the JSON files
//! and the rest of the page keep working).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::charts::qr::QrPath;
use crate::components::file_drop::use_file_drop;
use crate::context::use_app;
use crate::export::browser::download_text;
use crate::export::{PB_MIME, SIMULATED_PB_FILE};
use crate::lazy;
use crate::state::{Action, FileProblem, MAX_SCENARIO_BYTES, Notice, scenario_text};
use crate::url;

/// Where the QR code is.
#[derive(Clone, Debug, PartialEq)]
enum Qr {
    /// Being made (the views bundle may be loading).
    Loading,
    /// Made; `None` when the link is too long for a QR code.
    Ready(Option<QrPath>),
    /// Could not be made (why, in English).
    Failed(String),
}

/// Where the `.pb` download is.
#[derive(Clone, Debug, PartialEq)]
enum PbFile {
    /// Not asked for, or downloaded.
    Idle,
    /// Being made.
    Busy,
    /// Could not be made (why, in English).
    Failed(String),
}

/// Props of [`ShareDialog`].
#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// Whether the dialog is shown.
    pub open: bool,
    /// Called when the dialog closes (Escape, the Close button).
    pub on_close: Callback<()>,
}

/// The page's address without query and fragment.
fn page_base() -> String {
    let location = gloo::utils::window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
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
        format!(
            "{}{}",
            page_base(),
            url::encode(&app.preset, &app.scenario, lang)
        )
    } else {
        String::new()
    };
    let qr = use_state(|| Qr::Loading);
    let attempt = use_state(|| 0u32);
    // The link whose code is wanted: an answer for an older link is dropped.
    let wanted = use_mut_ref(String::new);
    {
        let (qr, wanted) = (qr.clone(), wanted.clone());
        use_effect_with(
            (props.open, link.clone(), *attempt),
            move |(open, link, _)| {
                if *open {
                    link.clone_into(&mut wanted.borrow_mut());
                    qr.set(Qr::Loading);
                    let link = link.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let made = lazy::qr(&link).await;
                        if *wanted.borrow() == link {
                            qr.set(made.map_or_else(Qr::Failed, Qr::Ready));
                        }
                    });
                }
            },
        );
    }
    let pb_file = use_state(|| PbFile::Idle);
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
    let on_download = {
        let scenario = app.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            // Through the JSON tree, whose encoder the bundle has anyway (no second encoder of the
            // scenario just for this file); its keys come out in alphabetical order.
            let json = serde_json::to_value(&scenario)
                .and_then(|tree| serde_json::to_string_pretty(&tree))
                .unwrap_or_default();
            download_text("dialoglab-scenario.json", "application/json", &json);
        })
    };
    let on_download_pb = {
        let (scenario, pb_file) = (app.scenario.clone(), pb_file.clone());
        Callback::from(move |_: MouseEvent| {
            let (scenario, pb_file) = (scenario.clone(), pb_file.clone());
            pb_file.set(PbFile::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                match lazy::simulated_pb(&scenario).await {
                    Ok(text) => {
                        download_text(SIMULATED_PB_FILE, PB_MIME, &text);
                        pb_file.set(PbFile::Idle);
                    }
                    Err(why) => pb_file.set(PbFile::Failed(why)),
                }
            });
        })
    };
    let on_retry_qr = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(attempt.wrapping_add(1)))
    };
    let qr = match &*qr {
        Qr::Loading => html! { <p role="status" id="qr-status">{ t.qr_loading }</p> },
        Qr::Ready(Some(q)) => html! {
            <svg id="share-qr" class="qr" viewBox={format!("0 0 {0} {0}", q.size)} role="img" aria-labelledby="qr-title" shape-rendering="crispEdges">
                <title id="qr-title">{ t.qr_title }</title>
                <rect width="100%" height="100%" fill="#fff" />
                <path d={q.d.clone()} fill="#000" />
            </svg>
        },
        Qr::Ready(None) => html! { <p>{ t.qr_too_long }</p> },
        Qr::Failed(why) => html! {
            <div role="alert" id="qr-error">
                <p>{ t.qr_failed }</p>
                <p class="views-reason">{ why }</p>
                <button type="button" id="qr-retry" onclick={on_retry_qr}>{ t.views_retry }</button>
            </div>
        },
    };
    let pb_status = match &*pb_file {
        PbFile::Idle => html! { <p role="status" id="share-pb-status"></p> },
        PbFile::Busy => html! { <p role="status" id="share-pb-status">{ t.export_pb_busy }</p> },
        PbFile::Failed(why) => html! {
            <p class="error" role="alert" id="share-pb-status">{ format!("{}: {why}", t.export_pb_failed) }</p>
        },
    };
    let drop = {
        let app = app.clone();
        use_file_drop(Callback::from(move |file| upload(&app, file)))
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
                { qr }
                <div class="dialog-actions">
                    <button type="button" id="download-json" onclick={on_download}>{ t.download_json }</button>
                    <button type="button" id="download-pb" onclick={on_download_pb}>{ t.export_pb }</button>
                    <div id="upload-drop" class={classes!("upload", drop.dragging.then_some("dragging"))}
                        ondragover={drop.on_drag_over} ondragleave={drop.on_drag_leave} ondrop={drop.on_drop}>
                        <label for="upload-json">{ t.upload_json }</label>
                        <input type="file" id="upload-json" accept=".json,application/json" onchange={drop.on_pick} />
                    </div>
                </div>
                { pb_status }
                { notice }
                <button type="button" id="close-share" class="primary" onclick={on_close_click}>{ t.close }</button>
            }
        </dialog>
    }
}

/// Reads an uploaded scenario file: refused without reading when too big, and before it is read
/// as JSON when empty, binary or not UTF-8 (the scenario shown stays in every case).
fn upload(app: &crate::context::AppContext, file: web_sys::File) {
    let size = file.size() as u64;
    if size > MAX_SCENARIO_BYTES {
        app.dispatch(Action::RefuseUpload(FileProblem::TooBig(size)));
        return;
    }
    let app = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let action = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => match scenario_text(&js_sys::Uint8Array::new(&buffer).to_vec()) {
                Ok(text) => Action::Upload(text),
                Err(p) => Action::RefuseUpload(p),
            },
            Err(_) => Action::RefuseUpload(FileProblem::Unreadable),
        };
        app.dispatch(action);
    });
}
