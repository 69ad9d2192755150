//! The share dialog's QR code and files, drawn by the views bundle into the dialog
//! (`share_dialog.rs`, `bridge::Panel::Share`) once it is first opened: the link's QR code as SVG,
//! download of the scenario as JSON and of the simulated vote as `.pb`, and upload of a scenario
//! JSON file (read here, checked and applied by the sandbox bundle's reducer, which keeps the
//! scenario shown when the file is refused; its message is the dialog's).

use yew::prelude::*;

use crate::charts::qr::qr_path;
use crate::components::file_drop::use_file_drop;
use crate::components::share_dialog::share_link;
use crate::context::{AppContext, use_app};
use crate::export::browser::download_text;
use crate::export::{PB_MIME, SIMULATED_PB_FILE, simulated_pb};
use crate::state::{Action, FileProblem, MAX_SCENARIO_BYTES, scenario_text};

/// Where the `.pb` download is.
#[derive(Clone, Debug, PartialEq)]
enum PbFile {
    /// Not asked for, or downloaded.
    Idle,
    /// Being made.
    Busy,
    /// The scenario cannot be simulated.
    Failed,
}

/// The QR code, the downloads and the upload.
#[component]
pub fn ShareTools() -> Html {
    let app = use_app();
    let t = app.lang.t();
    let link = share_link(&app);
    let qr = use_memo(link, |link| qr_path(link));
    let pb_file = use_state(|| PbFile::Idle);
    let on_download = {
        let scenario = app.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            // Through the JSON tree, as links are made; its keys come out in alphabetical order.
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
            // After the frame that says so: the vote is simulated on this thread.
            gloo::timers::callback::Timeout::new(0, move || match simulated_pb(&scenario) {
                Some(text) => {
                    download_text(SIMULATED_PB_FILE, PB_MIME, &text);
                    pb_file.set(PbFile::Idle);
                }
                None => pb_file.set(PbFile::Failed),
            })
            .forget();
        })
    };
    let qr = match &*qr {
        Some(q) => html! {
            <svg id="share-qr" class="qr" viewBox={format!("0 0 {0} {0}", q.size)} role="img" aria-labelledby="qr-title" shape-rendering="crispEdges">
                <title id="qr-title">{ t.qr_title }</title>
                <rect width="100%" height="100%" fill="#fff" />
                <path d={q.d.clone()} fill="#000" />
            </svg>
        },
        None => html! { <p>{ t.qr_too_long }</p> },
    };
    let pb_status = match &*pb_file {
        PbFile::Idle => html! { <p role="status" id="share-pb-status"></p> },
        PbFile::Busy => html! { <p role="status" id="share-pb-status">{ t.export_pb_busy }</p> },
        PbFile::Failed => html! {
            <p class="error" role="alert" id="share-pb-status">{ format!("{}: the scenario cannot be simulated", t.export_pb_failed) }</p>
        },
    };
    let drop = {
        let app = app.clone();
        use_file_drop(Callback::from(move |file| upload(&app, file)))
    };
    html! {
        <>
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
        </>
    }
}

/// Reads an uploaded scenario file: refused without reading when too big, and before it is read
/// as JSON when empty, binary or not UTF-8 (the scenario shown stays in every case).
fn upload(app: &AppContext, file: web_sys::File) {
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
