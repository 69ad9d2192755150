//! The share-link decoder (`src/url.rs`, compiled here from the app's source) on arbitrary text,
//! split at the first `#` into `location.search` and `location.hash`. Never a panic; an accepted
//! link must encode to a link that decodes to the same scenario.
#![no_main]
#![allow(dead_code)]

// The link codec and the modules below it in the app's layers (docs/ARCHITECTURE.md), compiled
// from the app's own files.
#[path = "../../src/format.rs"]
mod format;
#[path = "../../src/guide/mod.rs"]
mod guide;
#[path = "../../src/json_tree.rs"]
mod json_tree;
#[path = "../../src/language.rs"]
mod language;
#[path = "../../src/url.rs"]
mod url;
#[path = "../../src/view.rs"]
mod view;

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
