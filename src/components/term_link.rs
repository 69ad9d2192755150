//! A small link beside a term (a metric's name, a chart's axis) that opens its explanation in the
//! glossary. The sandbox bundle carries only the term's key; the text is in the views bundle.

use yew::prelude::*;

use crate::context::use_app;
use crate::glossary::{self, Term};

/// Props of [`TermLink`].
#[derive(Properties, PartialEq)]
pub struct TermLinkProps {
    /// The term explained.
    pub term: Term,
    /// The term's name as shown beside the link (for the accessible name).
    pub name: AttrValue,
}

/// The "?" button that opens the glossary at the term.
#[component]
pub fn TermLink(props: &TermLinkProps) -> Html {
    let app = use_app();
    let t = app.lang.t();
    let onclick = {
        let (app, term) = (app.clone(), props.term);
        Callback::from(move |_: MouseEvent| glossary::open(&app, term))
    };
    html! {
        <button type="button" class="term-link" data-term={props.term.key()} {onclick}
            aria-label={format!("{}: {}", t.glossary_link, props.name)} title={t.glossary_link}>{ "?" }</button>
    }
}
