//! Dialoglab's web app: a Yew front end over `dialoglab-engine`, as a library shared by the page's
//! two bundles. `src/main.rs` (`dialoglab-app`, the initial load) mounts [`app::App`], the sandbox;
//! `src/views_main.rs` (`dialoglab-views`) mounts [`views::ViewsApp`], the Sweeps, Real PB data and
//! Guide views, which [`lazy`] loads the first time one of them opens. Each binary links only what
//! it references, so the sandbox bundle carries none of the secondary views' code.

#![allow(
    clippy::must_use_candidate,
    reason = "the library exists to share modules between the app's two binaries, its only users"
)]

pub mod app;
pub mod bridge;
pub mod charts;
pub mod components;
pub mod context;
pub mod export;
pub mod fields;
pub mod format;
pub mod glossary;
pub mod guide;
pub mod i18n;
pub mod json_tree;
pub mod language;
pub mod lazy;
pub mod offline;
pub mod rerun;
pub mod state;
pub mod url;
pub mod view;
pub mod views;
pub mod worker_client;
