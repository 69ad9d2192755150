//! Where the Sweeps, Real PB data and Guide views go in the sandbox bundle: it loads the views
//! bundle (`src/lazy.rs`) the first time one of them opens, mounts it with a [`Snapshot`] of the
//! app state into [`VIEWS_ID`], hands it every later change, and applies the actions its views send
//! back. While the bundle loads it says so; if it cannot be loaded it says why, offers to try
//! again, and the sandbox keeps working. Leaving for the sandbox hides the views (the views bundle
//! then draws nothing) and keeps the bundle loaded.
//!
//! The views' host is a sibling of the sandbox bundle's root [`APP_ID`] (both in `index.html`),
//! not inside it: each Yew app listens for events at its root and numbers its elements on its
//! own, so an app must never see the events of elements that the other one drew.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, Element};
use yew::prelude::*;

use crate::bridge::{self, ACTION_EVENT, Snapshot};
use crate::context::{AppContext, use_app};
use crate::lazy;
use crate::state::View;

/// The element the sandbox bundle draws into.
pub const APP_ID: &str = "app";
/// The element the views bundle draws into.
pub const VIEWS_ID: &str = "views-host";

/// How far the views bundle is.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// Not asked for yet.
    Idle,
    /// Being fetched and started.
    Loading,
    /// Mounted.
    Ready,
    /// Could not be loaded or mounted (why, in English).
    Failed(String),
}

/// Loads, shows and hides the secondary views; draws only their loading or error message.
#[component]
pub fn ViewsHost() -> Html {
    let app = use_app();
    let t = app.lang.t();
    let phase = use_state(|| Phase::Idle);
    let snapshot = Snapshot::of(&app);
    // The state to mount with when loading ends, which may be later than when it began.
    let latest = use_mut_ref(|| snapshot.clone());
    latest.borrow_mut().clone_from(&snapshot);
    let wanted = app.view != View::Sandbox;

    {
        let app = app.clone();
        use_effect_with((), move |()| {
            let listener = ActionListener::add(app);
            move || drop(listener)
        });
    }
    use_effect_with(wanted, |wanted| {
        if let Some(host) = host() {
            let _ = host.toggle_attribute_with_force("hidden", !*wanted);
        }
    });
    {
        let (phase, latest) = (phase.clone(), latest.clone());
        use_effect_with((wanted, (*phase).clone()), move |(wanted, now)| {
            if *wanted && *now == Phase::Idle {
                phase.set(Phase::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let mounted = match (lazy::load().await, host()) {
                        (Ok(()), Some(element)) => {
                            let text = latest.borrow().to_json();
                            lazy::mount(&element, &text)
                        }
                        (Ok(()), None) => Err("the page has no place for the view".into()),
                        (Err(e), _) => Err(e),
                    };
                    phase.set(mounted.map_or_else(Phase::Failed, |()| Phase::Ready));
                });
            }
        });
    }
    {
        let ready = *phase == Phase::Ready;
        let phase = phase.clone();
        use_effect_with((snapshot, ready), move |(snapshot, ready)| {
            if *ready && let Err(e) = lazy::update(&snapshot.to_json()) {
                phase.set(Phase::Failed(e));
            }
        });
    }

    match &*phase {
        _ if !wanted => html! {},
        Phase::Idle | Phase::Loading => html! {
            <p class="page views-status" id="views-loading" role="status">{ t.views_loading }</p>
        },
        Phase::Ready => html! {},
        Phase::Failed(why) => {
            let retry = {
                let phase = phase.clone();
                Callback::from(move |_: MouseEvent| phase.set(Phase::Idle))
            };
            html! {
                <div class="page views-status" id="views-error" role="alert">
                    <p>{ t.views_failed }</p>
                    <p class="views-reason">{ why }</p>
                    <button type="button" id="views-retry" onclick={retry}>{ t.views_retry }</button>
                </div>
            }
        }
    }
}

/// The views bundle's host, if the page has one.
fn host() -> Option<Element> {
    gloo::utils::document().get_element_by_id(VIEWS_ID)
}

/// Applies the actions the views bundle sends (see [`bridge::send`]) while it lives.
struct ActionListener {
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl ActionListener {
    fn add(app: AppContext) -> Self {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let text = event
                .dyn_ref::<CustomEvent>()
                .and_then(|e| e.detail().as_string());
            // The text comes from the views bundle of the same build; anything else is ignored.
            if let Some(Ok(action)) = text.map(|t| bridge::decode_action(&t)) {
                app.dispatch(action);
            }
        });
        let _ = gloo::utils::window()
            .add_event_listener_with_callback(ACTION_EVENT, callback.as_ref().unchecked_ref());
        ActionListener { callback }
    }
}

impl Drop for ActionListener {
    fn drop(&mut self) {
        let _ = gloo::utils::window().remove_event_listener_with_callback(
            ACTION_EVENT,
            self.callback.as_ref().unchecked_ref(),
        );
    }
}
