//! A section of the results that opens (below the first screen), headed by its title and its
//! finding in one sentence. Its charts are drawn by the views bundle
//! (`section_charts.rs`, `bridge::Panel::Section`) once the section is first opened, and stay
//! while the page shows results; until the bundle is there the section says it is loading them.

use yew::prelude::*;

use crate::bridge::Panel;
use crate::components::lazy_panel::LazyPanel;
use crate::components::section_charts::Section;
use crate::state::Run;

/// Props of [`Finding`].
#[derive(Properties, PartialEq)]
pub struct FindingProps {
    /// Which section.
    pub section: Section,
    /// Its title.
    pub title: AttrValue,
    /// Its finding in one sentence.
    pub text: AttrValue,
    /// The run the results show.
    pub run: Run,
}

/// The section.
#[component]
pub fn Finding(props: &FindingProps) -> Html {
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            if open && !*opened {
                opened.set(true);
            }
        })
    };
    let section = props.section;
    html! {
        <details class="finding" id={format!("{}-section", section.key())} {ontoggle}>
            <summary>
                <h3 class="finding-title">{ props.title.clone() }</h3>
                <span class="finding-text">{ props.text.clone() }</span>
            </summary>
            if *opened {
                <LazyPanel panel={Panel::Section(section)} run={props.run.clone()} />
            }
        </details>
    }
}
