//! One component per file.

pub mod brief;
pub mod chart_frame;
pub mod compare;
pub mod compare_chart;
pub mod comparison;
pub mod cost_chart;
pub mod cycles_chart;
pub mod data_table;
pub mod file_drop;
pub mod finding;
pub mod funnel;
pub mod glossary;
pub mod group_chart;
pub mod guide;
pub mod guide_chart;
pub mod header;
pub mod job_cache;
pub mod lazy_panel;
pub mod meeting_link;
pub mod meeting_view;
pub mod model_parameters;
pub mod monte_carlo;
pub mod notice;
pub mod number_control;
pub mod pair_towns;
pub mod panel_view;
pub mod pb;
pub mod persistence;
pub mod preset_sources;
pub mod projects_chart;
pub mod ratio_chart;
pub mod results;
pub mod robustness;
pub mod runner;
pub mod scenario_panel;
pub mod section_charts;
pub mod share_dialog;
pub mod share_tools;
pub mod sweep_chart;
pub mod sweep_view;
pub mod term_link;
pub mod town;
pub mod town_figures;
pub mod view_tabs;
pub mod views_host;
pub mod workshop;

/// Moves the keyboard focus (and so the view) to the element with this id, without touching the
/// address (its fragment holds the scenario). Scrolls smoothly unless the user asked for reduced
/// motion. The element must be focusable (`tabindex="-1"` on a heading).
pub fn focus_on(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(el);
    let reduced = gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(web_sys::ScrollLogicalPosition::Start);
    scroll.set_behavior(if reduced {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&scroll);
}

/// `s` as the server-side renderer writes it in a text node (`&`, `<` and `>` escaped, quotes
/// kept), for tests that look for a text in rendered HTML.
#[cfg(test)]
pub(crate) fn rendered_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
