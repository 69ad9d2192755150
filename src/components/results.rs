//! The results area: headline numbers, the funnel, representation by stage, the panel selection
//! (sortition only), influence by group, the projects and the counterfactual, inclusion, the
//! years, the cost, and a polite live summary of each run.

use dialoglab_engine::metric::Stage;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::term_link::TermLink;
use crate::components::{
    cost_chart::CostChart,
    cycles_chart::CyclesChart,
    funnel::Funnel,
    group_chart::{GroupChart, GroupKind},
    monte_carlo::MonteCarlo,
    projects_chart::ProjectsChart,
    ratio_chart::RatioChart,
};
use crate::context::use_app;
use crate::format;
use crate::glossary::Term;

/// Results of the last run.
#[component]
pub fn Results() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let Some(result) = app.report.clone() else {
        return html! {
            <section class="results" aria-labelledby="results-heading" aria-busy="true">
                <h2 id="results-heading" tabindex="-1">{ t.results_heading }</h2>
                <p>{ t.running }</p>
                <p class="visually-hidden" aria-live="polite" id="live-summary"></p>
            </section>
        };
    };
    let report = &result.1;
    let count = |stage: Stage| report.stage(stage).map_or(0, |s| s.count);
    let index = |stage: Stage| {
        report
            .stage(stage)
            .map_or(0.0, |s| s.representativeness.index)
    };
    let stages = vec![
        (AttrValue::from(t.stage_population), report.population.size),
        (AttrValue::from(t.stage_invited), count(Stage::Invited)),
        (AttrValue::from(t.stage_attendees), count(Stage::Attendees)),
        (AttrValue::from(t.stage_speakers), count(Stage::Speakers)),
        (AttrValue::from(t.stage_voters), count(Stage::Voters)),
    ];
    let summary = lang.run_summary(
        report.strategy,
        count(Stage::Attendees),
        index(Stage::Attendees),
    );
    let metric = |id: &'static str, label: String, value: String, term: Option<Term>| {
        let link = term.map(|term| html! { <TermLink {term} name={label.clone()} /> });
        html! {
            <div>
                <dt>{ label.clone() }{ link.unwrap_or_default() }</dt>
                <dd id={id}>{ value }</dd>
            </div>
        }
    };
    let influence = &report.influence;
    let pin = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(crate::state::Action::Pin))
    };
    let go_compare = Callback::from(|_: MouseEvent| super::focus_on("compare-heading"));
    let open_brief = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(crate::state::Action::SetView(crate::state::View::Brief));
        })
    };
    let attendees = |r: &dialoglab_engine::Report| {
        let s = r.stage(Stage::Attendees);
        (
            s.map_or(0, |x| x.count),
            s.map_or(0.0, |x| x.representativeness.index),
        )
    };
    let pinned_line = app.pinned.as_ref().map(|a| {
        let ((na, ia), (nb, ib)) = (attendees(&a.1), attendees(report));
        lang.compare_desc(na, nb, ia, ib)
    });
    html! {
        <section class="results" aria-labelledby="results-heading" aria-busy={(!app.is_current()).to_string()}>
            <h2 id="results-heading" tabindex="-1">{ t.results_heading }</h2>
            <dl class="headline">
                { metric("index-attendees", lang.index_of(t.stage_attendees), format::dec(lang, index(Stage::Attendees), 3), Some(Term::RepresentativenessIndex)) }
                { metric("index-invited", lang.index_of(t.stage_invited), format::dec(lang, index(Stage::Invited), 3), Some(Term::RepresentativenessIndex)) }
                { metric("cost", t.cost_label.to_string(), format::money(lang, report.cost.dkk), Some(Term::CostRates)) }
            </dl>
            <div class="headline-actions">
                <button type="button" id="pin-headline" onclick={pin} disabled={!app.is_current()}>{ t.pin }</button>
                <button type="button" id="go-compare" class="link-button" onclick={go_compare}>{ t.compare_go }</button>
                <button type="button" id="open-brief" class="link-button" onclick={open_brief}>{ t.brief_print }</button>
                if let Some(line) = pinned_line {
                    <p id="headline-compare">{ line }</p>
                }
            </div>

            <p class="cost-note" id="cost-vs-budget">{ lang.cost_vs_budget(report.cost.dkk, result.0.budget) }</p>
            <p class="hint">{ t.index_help }</p>
            <MonteCarlo {lang} run={result.clone()} />
            <Funnel {lang} {stages} />
            <RatioChart {lang} report={result.clone()} />
            if let Some(selection) = &report.selection {
                <GroupChart {lang} kind={GroupKind::Selection} table={Rc::new(selection.end_to_end.clone())} />
            }
            <h3 class="subhead">{ t.outcome_heading }</h3>
            <dl class="headline">
                { metric("turnout", t.turnout_label.to_string(), format::percent(lang, report.outcome.turnout, 1), Some(Term::Turnout)) }
                { metric("voice-gini", t.voice_gini_label.to_string(), format::dec(lang, report.deliberation.voice_gini, 2), Some(Term::Gini)) }
                { metric("top-decile", t.top_decile_label.to_string(), format::percent(lang, report.deliberation.top_decile_share, 0), Some(Term::TopDecile)) }
                { metric("legitimacy", t.legitimacy_label.to_string(), format::percent(lang, influence.legitimacy, 0), Some(Term::Legitimacy)) }
                { metric("welfare-loss", t.welfare_loss_label.to_string(), format::percent(lang, influence.welfare_loss, 1), Some(Term::WelfareLoss)) }
                { metric("money-per-capita", t.money_per_capita_label.to_string(), format::money_dec(lang, influence.money_per_capita, 2), None) }
            </dl>
            <GroupChart {lang} kind={GroupKind::Influence} table={Rc::new(influence.ratios.clone())} />
            <ProjectsChart {lang} outcome={Rc::new(report.outcome.clone())} legitimacy={influence.legitimacy} />
            <GroupChart {lang} kind={GroupKind::Inclusion} table={Rc::new(report.inclusion.clone())} />
            if report.cycles.len() > 1 {
                <CyclesChart {lang} cycles={Rc::new(report.cycles.clone())} />
            }
            <CostChart {lang} run={result.clone()} />
            <p class="hint">{ t.tooltip_hint }</p>
            <p class="visually-hidden" aria-live="polite" id="live-summary">{ summary }</p>
        </section>
    }
}
