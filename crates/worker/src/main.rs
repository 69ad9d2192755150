//! The worker's entry point in the browser: answers each posted job (a JSON string, or for jobs
//! with binary data an array `[JSON string, Uint8Array]`) with JSON strings, after announcing that it is ready. Natively it does nothing (the library is tested
//! natively instead).

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::start();
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Installs the message handler and posts the ready message.
    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let poster = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let mut post = |answer: String| {
                let _ = poster.post_message(&JsValue::from_str(&answer));
            };
            if js_sys::Array::is_array(&data) {
                // A job with binary data: [JSON text, Uint8Array] (the `.pb` job).
                let parts: js_sys::Array = data.unchecked_into();
                let text = parts.get(0).as_string().unwrap_or_default();
                let bytes = js_sys::Uint8Array::new(&parts.get(1)).to_vec();
                dialoglab_worker::serve_with_bytes(&text, &bytes, &mut post);
            } else {
                let text = data.as_string().unwrap_or_default();
                dialoglab_worker::serve(&text, &mut post);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str(&dialoglab_worker::ready()));
    }
}
