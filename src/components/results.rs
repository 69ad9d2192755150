//! The results area: funnel, index, ratio chart and a polite live summary of each run.

use yew::prelude::*;

use crate::app::use_app;
use crate::components::{funnel::Funnel, ratio_chart::RatioChart};
use crate::format;

/// Results of the last run.
#[component]
pub fn Results() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let Some(result) = app.report.clone() else {
        return html! {
            <section class="results" aria-labelledby="results-heading" aria-busy="true">
                <h2 id="results-heading">{ t.results_heading }</h2>
                <p>{ t.running }</p>
                <p class="visually-hidden" aria-live="polite" id="live-summary"></p>
            </section>
        };
    };
    let report = &result.1;
    let count = |stage: &str| report.stages.get(stage).map_or(0, |s| s.count);
    let index = |stage: &str| {
        report
            .stages
            .get(stage)
            .map_or(0.0, |s| s.representativeness.index)
    };
    let stages = vec![
        (AttrValue::from(t.stage_population), report.population.size),
        (AttrValue::from(t.stage_invited), count("invited")),
        (AttrValue::from(t.stage_attendees), count("attendees")),
    ];
    let summary = lang.run_summary(report.strategy, count("attendees"), index("attendees"));
    html! {
        <section class="results" aria-labelledby="results-heading" aria-busy={(!app.is_current()).to_string()}>
            <h2 id="results-heading">{ t.results_heading }</h2>
            <dl class="headline">
                <div>
                    <dt>{ format!("{} – {}", t.index_label, t.stage_attendees.to_lowercase()) }</dt>
                    <dd id="index-attendees">{ format::dec(lang, index("attendees"), 3) }</dd>
                </div>
                <div>
                    <dt>{ format!("{} – {}", t.index_label, t.stage_invited.to_lowercase()) }</dt>
                    <dd id="index-invited">{ format::dec(lang, index("invited"), 3) }</dd>
                </div>
                <div>
                    <dt>{ t.cost_label }</dt>
                    <dd id="cost">{ format::money(lang, report.cost.dkk) }</dd>
                </div>
            </dl>
            <p class="hint">{ t.index_help }</p>
            <Funnel {lang} {stages} />
            <RatioChart {lang} report={result.clone()} />
            <p class="visually-hidden" aria-live="polite" id="live-summary">{ summary }</p>
        </section>
    }
}
