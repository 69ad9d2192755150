//! The app state as components read it: [`AppContext`] and the [`use_app`] hook. Components
//! import it from here, never from the apps that provide it (`src/app.rs` for the sandbox bundle,
//! `src/views.rs` for the views bundle), so imports only go down (docs/ARCHITECTURE.md).

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, AppState};

/// The shared state every component reads through [`use_app`]: the app's reducer in the sandbox
/// bundle, or in the views bundle (`src/views.rs`) a mirror of it whose actions go back to the
/// sandbox bundle's reducer.
#[derive(Clone, PartialEq)]
pub struct AppContext(Source);

#[derive(Clone, PartialEq)]
enum Source {
    Reducer(UseReducerHandle<AppState>),
    Mirror {
        state: Rc<AppState>,
        send: Callback<Action>,
    },
}

impl AppContext {
    /// A mirror of the app state kept elsewhere: reads `state`, sends actions to `send`.
    #[must_use]
    pub fn mirror(state: Rc<AppState>, send: Callback<Action>) -> Self {
        AppContext(Source::Mirror { state, send })
    }

    /// Applies `action` to the app state.
    pub fn dispatch(&self, action: Action) {
        match &self.0 {
            Source::Reducer(handle) => handle.dispatch(action),
            Source::Mirror { send, .. } => send.emit(action),
        }
    }
}

impl From<UseReducerHandle<AppState>> for AppContext {
    fn from(handle: UseReducerHandle<AppState>) -> Self {
        AppContext(Source::Reducer(handle))
    }
}

impl Deref for AppContext {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        match &self.0 {
            Source::Reducer(handle) => handle,
            Source::Mirror { state, .. } => state,
        }
    }
}

/// The state handle from context.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}
