//! The results area: headline numbers, the funnel, representation by stage, the panel selection
//! (sortition only), influence by group, the projects and the counterfactual, inclusion, the
//! years, the cost, and a polite live summary of each run.

use dialoglab_engine::metric::Stage;
use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::Panel;
use crate::components::term_link::TermLink;
use crate::components::{
    cost_chart::CostChart,
    cycles_chart::CyclesChart,
    funnel::Funnel,
    group_chart::{GroupChart, GroupKind},
    lazy_panel::LazyPanel,
    projects_chart::ProjectsChart,
    ratio_chart::RatioChart,
    town::TownView,
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
    let go_settings = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        super::focus_on("scenario-heading");
    });
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
    let tt = lang.town();
    let mirror = |r: &dialoglab_engine::Report| {
        (r.stage(Stage::Attendees)
            .map_or(0.0, |s| s.representativeness.index)
            * 100.0)
            .round() as i64
    };
    let change = app
        .previous
        .as_ref()
        .filter(|_| app.is_current())
        .map(|old| {
            let came = |r: &dialoglab_engine::Report| {
                i64::from(r.stage(Stage::Attendees).map_or(0, |s| s.count))
            };
            lang.change_line(
                came(report) - came(&old.1),
                mirror(report) - mirror(&old.1),
                report.cost.dkk.cast_signed() - old.1.cost.dkk.cast_signed(),
            )
        });
    let ratio_finding = crate::components::ratio_chart::extremes(
        &crate::components::ratio_chart::rows(report, lang),
        lang,
    )
    .map_or_else(String::new, |(o, u)| {
        lang.ratio_desc((&o.0, o.1), (&u.0, u.1), index(Stage::Attendees))
    });
    let inclusion_rows = crate::components::group_chart::group_rows(&report.inclusion, lang);
    let inclusion_finding = crate::components::group_chart::extremes(&inclusion_rows, lang)
        .map_or_else(String::new, |(h, l)| {
            lang.group_desc(
                crate::charts::kinds::GroupKind::Inclusion,
                (&h.0, h.1),
                (&l.0, l.1),
            )
        });
    let cycles_finding = match (report.cycles.first(), report.cycles.last()) {
        (Some(a), Some(b)) => lang.cycles_desc(
            report.cycles.len(),
            (a.representativeness, b.representativeness),
            b.repeat_share,
            (
                crate::charts::kinds::Series::EfficacyMarginalised.value(a),
                crate::charts::kinds::Series::EfficacyMarginalised.value(b),
            ),
        ),
        _ => String::new(),
    };
    let (letters, staff) = crate::components::cost_chart::parts(&result.0, report);
    let cost_finding = lang.cost_desc(
        report.cost.dkk,
        letters,
        staff,
        report.cost.dkk_per_attendee,
    );
    let vote_finding = lang.vote_finding(report.outcome.turnout, influence.legitimacy);
    let came = count(Stage::Attendees);
    let came_share = format::percent(
        lang,
        f64::from(came) / f64::from(report.population.size.max(1)),
        1,
    );
    let index_name = lang.index_of(t.stage_attendees);
    html! {
        <section class="results" aria-labelledby="results-heading" aria-busy={(!app.is_current()).to_string()}>
            <h2 id="results-heading" tabindex="-1">{ t.results_heading }</h2>
            <div class="first-screen">
                <TownView />
                <div class="first-numbers">
                    <dl class="headline three">
                        <div>
                            <dt>{ tt.came_label }</dt>
                            <dd><span id="came">{ format::int(lang, came.into()) }</span><span class="sub">{ came_share }</span></dd>
                        </div>
                        <div>
                            <dt>{ tt.mirror_label }<TermLink term={Term::RepresentativenessIndex} name={tt.mirror_label} /></dt>
                            <dd id="mirror-attendees">{ mirror(report).to_string() }</dd>
                            <dd class="technical">{ format!("{index_name}: ") }<span id="index-attendees">{ format::dec(lang, index(Stage::Attendees), 3) }</span></dd>
                        </div>
                        <div>
                            <dt>{ tt.cost_plain }<TermLink term={Term::CostRates} name={tt.cost_plain} /></dt>
                            <dd id="cost">{ format::money(lang, report.cost.dkk) }</dd>
                            <dd class="technical" id="cost-vs-budget">{ lang.cost_vs_budget(report.cost.dkk, result.0.budget) }</dd>
                        </div>
                    </dl>
                    if let Some(line) = change {
                        <p id="last-change" class="last-change"><strong>{ format!("{}: ", tt.last_change) }</strong>{ line }</p>
                    }
                </div>
            </div>
            <div class="headline-actions">
                <button type="button" id="pin-headline" onclick={pin} disabled={!app.is_current()}>{ t.pin }</button>
                <button type="button" id="go-compare" class="link-button" onclick={go_compare}>{ t.compare_go }</button>
                <button type="button" id="open-brief" class="link-button" onclick={open_brief}>{ t.brief_print }</button>
                if let Some(line) = pinned_line {
                    <p id="headline-compare">{ line }</p>
                }
            </div>
            <p class="hint"><a href="#scenario-heading" class="to-settings" onclick={go_settings}>{ tt.to_settings }</a></p>
            <LazyPanel panel={Panel::ManyTowns} run={result.clone()} />
            <h3 class="subhead details-heading">{ tt.details_heading }</h3>
            { finding("people", lang.town_section(0), ratio_finding, html! {
                <>
                    <dl class="headline">
                        { metric("index-invited", lang.index_of(t.stage_invited), format::dec(lang, index(Stage::Invited), 3), Some(Term::RepresentativenessIndex)) }
                    </dl>
                    <p class="hint">{ t.index_help }</p>
                    <Funnel {lang} {stages} />
                    <RatioChart {lang} report={result.clone()} />
                    if let Some(selection) = &report.selection {
                        <GroupChart {lang} kind={GroupKind::Selection} table={Rc::new(selection.end_to_end.clone())} />
                    }
                </>
            }) }
            { finding("vote", lang.town_section(1), vote_finding, html! {
                <>
                    <h4 class="subhead">{ t.outcome_heading }</h4>
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
                </>
            }) }
            { finding("inclusion", lang.town_section(2), inclusion_finding, html! {
                <GroupChart {lang} kind={GroupKind::Inclusion} table={Rc::new(report.inclusion.clone())} />
            }) }
            if report.cycles.len() > 1 {
                { finding("years", lang.town_section(3), cycles_finding, html! {
                    <CyclesChart {lang} cycles={Rc::new(report.cycles.clone())} />
                }) }
            }
            { finding("cost", lang.town_section(4), cost_finding, html! {
                <CostChart {lang} run={result.clone()} />
            }) }
            <p class="hint">{ t.tooltip_hint }</p>
            <p class="visually-hidden" aria-live="polite" id="live-summary">{ summary }</p>
        </section>
    }
}

/// A section that opens, headed by its title and its finding in one sentence.
fn finding(id: &str, title: &str, text: String, body: Html) -> Html {
    html! {
        <details class="finding" id={format!("{id}-section")}>
            <summary>
                <h3 class="finding-title">{ title }</h3>
                <span class="finding-text">{ text }</span>
            </summary>
            { body }
        </details>
    }
}
