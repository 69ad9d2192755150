//! The results area: the first screen (the town, the three headline numbers, what the last change
//! did), the many-towns panel, the sections that open below (each with its finding; their charts
//! — the funnel, representation by stage, the panel selection, influence, the projects, inclusion,
//! the years, the cost — come from the views bundle, `finding.rs`), and a polite live summary of
//! each run.

use dialoglab_engine::metric::Stage;

use yew::prelude::*;

use crate::bridge::Panel;
use crate::components::term_link::TermLink;
use crate::components::{
    finding::Finding, lazy_panel::LazyPanel, section_charts::Section, town::TownView,
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
    let summary = lang.run_summary(
        report.strategy,
        count(Stage::Attendees),
        index(Stage::Attendees),
    );
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
    let vote_finding = lang.vote_finding(report.outcome.turnout, report.influence.legitimacy);
    let came = count(Stage::Attendees);
    let came_share = format::percent(
        lang,
        f64::from(came) / f64::from(report.population.size.max(1)),
        1,
    );
    let index_name = lang.index_of(t.stage_attendees);
    let mut sections = vec![
        (Section::People, ratio_finding),
        (Section::Vote, vote_finding),
        (Section::Inclusion, inclusion_finding),
    ];
    if report.cycles.len() > 1 {
        sections.push((Section::Years, cycles_finding));
    }
    sections.push((Section::Cost, cost_finding));
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
            { for sections.into_iter().map(|(section, text)| html! {
                // Keyed: a section that comes or goes (the years) leaves the others' charts in place.
                <Finding key={section.key()} {section} title={lang.town_section(section.index())} text={text} run={result.clone()} />
            }) }
            <p class="hint">{ t.tooltip_hint }</p>
            <p class="visually-hidden" aria-live="polite" id="live-summary">{ summary }</p>
        </section>
    }
}
