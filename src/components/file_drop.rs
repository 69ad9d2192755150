//! Choosing a file by the file picker or by dropping it on a zone: the sandbox's scenario upload
//! (the share dialog) and the real-data view's `.pb` files take a file the same way, so the
//! handlers are written once here.

use web_sys::File;
use yew::prelude::*;

/// The handlers of a file input and a drop zone, and whether a file is being dragged over it.
pub struct FileDrop {
    /// A file is dragged over the zone (for its highlight).
    pub dragging: bool,
    /// The file input's `onchange`: hands on the chosen file and clears the input, so that
    /// choosing the same file again is a change too.
    pub on_pick: Callback<Event>,
    /// The zone's `ondragover`.
    pub on_drag_over: Callback<DragEvent>,
    /// The zone's `ondragleave`.
    pub on_drag_leave: Callback<DragEvent>,
    /// The zone's `ondrop`: hands on the first dropped file.
    pub on_drop: Callback<DragEvent>,
}

/// The handlers that hand the first chosen or dropped file to `on_file`.
#[hook]
pub fn use_file_drop(on_file: Callback<File>) -> FileDrop {
    let dragging = use_state(|| false);
    let on_pick = {
        let on_file = on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                on_file.emit(file);
            }
        })
    };
    FileDrop {
        dragging: *dragging,
        on_pick,
        on_drag_over,
        on_drag_leave,
        on_drop,
    }
}
