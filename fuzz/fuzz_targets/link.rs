//! The share-link decoder (`src/url.rs`, compiled here from the app's source) on arbitrary text,
//! split at the first `#` into `location.search` and `location.hash`. Never a panic; an accepted
//! link must encode to a link that decodes to the same scenario.
#![no_main]
#![allow(dead_code)]

#[path = "../../src/i18n/lang.rs"]
mod lang;
mod i18n {
    pub use super::lang::Lang;
}
#[path = "../../src/format.rs"]
mod format;
#[path = "../../src/guide/mod.rs"]
mod guide;
#[path = "../../src/view.rs"]
mod view;
mod state {
    pub use super::view::View;
}
#[path = "../../src/url.rs"]
mod url;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (search, hash) = text.split_once('#').unwrap_or((&text, ""));
    let Ok(Some(link)) = url::decode(search, hash) else {
        return;
    };
    let again = url::encode(&link.preset, &link.scenario, link.lang.unwrap_or_default());
    let (search, hash) = again.split_once('#').unwrap_or((&again, ""));
    let back = url::decode(search, hash)
        .unwrap_or_else(|e| panic!("a written link is refused: {e:?}\n{again}"))
        .expect("a written link carries a scenario");
    assert_eq!(back.scenario, link.scenario, "{again}");
});
