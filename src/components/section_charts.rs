//! The charts and numbers inside the results' sections that open (below the first screen), drawn
//! by the views bundle into the section once it is opened (`bridge::Panel::Section`); the sandbox
//! bundle keeps each section's title and one-sentence finding (`finding.rs`).

use std::rc::Rc;

use dialoglab_engine::metric::Stage;
use yew::prelude::*;

use crate::components::term_link::TermLink;
use crate::components::{
    cost_chart::CostChart,
    cycles_chart::CyclesChart,
    funnel::Funnel,
    group_chart::{GroupChart, GroupKind},
    projects_chart::ProjectsChart,
    ratio_chart::RatioChart,
};
use crate::context::use_app;
use crate::format;
use crate::glossary::Term;
use crate::state::Run;

/// A section of the results that opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// From the town to the meeting: the funnel and representation by stage.
    People,
    /// The meeting and the vote: its numbers, influence by group, the projects.
    Vote,
    /// Included all the way: inclusion by group.
    Inclusion,
    /// Year by year (runs of more than one year).
    Years,
    /// The cost.
    Cost,
}

impl Section {
    /// Every section, in the page's order.
    pub const ALL: [Section; 5] = [
        Section::People,
        Section::Vote,
        Section::Inclusion,
        Section::Years,
        Section::Cost,
    ];

    /// Stable name (the section's id is `<key>-section`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Section::People => "people",
            Section::Vote => "vote",
            Section::Inclusion => "inclusion",
            Section::Years => "years",
            Section::Cost => "cost",
        }
    }

    /// Its place in the page (`Lang::town_section`'s number).
    #[must_use]
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// Props of [`SectionCharts`].
#[derive(Properties, PartialEq)]
pub struct SectionChartsProps {
    /// Which section.
    pub section: Section,
    /// The run the results show.
    pub run: Run,
}

/// The inside of a results section.
#[component]
pub fn SectionCharts(props: &SectionChartsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let result = &props.run;
    let report = &result.1;
    let metric = |id: &'static str, label: String, value: String, term: Term| {
        html! {
            <div>
                <dt>{ label.clone() }<TermLink {term} name={label} /></dt>
                <dd id={id}>{ value }</dd>
            </div>
        }
    };
    match props.section {
        Section::People => {
            let count = |stage: Stage| report.stage(stage).map_or(0, |s| s.count);
            let index = report
                .stage(Stage::Invited)
                .map_or(0.0, |s| s.representativeness.index);
            let stages = vec![
                (AttrValue::from(t.stage_population), report.population.size),
                (AttrValue::from(t.stage_invited), count(Stage::Invited)),
                (AttrValue::from(t.stage_attendees), count(Stage::Attendees)),
                (AttrValue::from(t.stage_speakers), count(Stage::Speakers)),
                (AttrValue::from(t.stage_voters), count(Stage::Voters)),
            ];
            html! {
                <>
                    <dl class="headline">
                        { metric("index-invited", lang.index_of(t.stage_invited), format::dec(lang, index, 3), Term::RepresentativenessIndex) }
                    </dl>
                    <p class="hint">{ t.index_help }</p>
                    <Funnel {lang} {stages} />
                    <RatioChart {lang} report={result.clone()} />
                    if let Some(selection) = &report.selection {
                        <GroupChart {lang} kind={GroupKind::Selection} table={Rc::new(selection.end_to_end.clone())} />
                    }
                </>
            }
        }
        Section::Vote => {
            let influence = &report.influence;
            html! {
                <>
                    <h4 class="subhead">{ t.outcome_heading }</h4>
                    <dl class="headline">
                        { metric("turnout", t.turnout_label.to_string(), format::percent(lang, report.outcome.turnout, 1), Term::Turnout) }
                        { metric("voice-gini", t.voice_gini_label.to_string(), format::dec(lang, report.deliberation.voice_gini, 2), Term::Gini) }
                        { metric("top-decile", t.top_decile_label.to_string(), format::percent(lang, report.deliberation.top_decile_share, 0), Term::TopDecile) }
                        { metric("legitimacy", t.legitimacy_label.to_string(), format::percent(lang, influence.legitimacy, 0), Term::Legitimacy) }
                        { metric("welfare-loss", t.welfare_loss_label.to_string(), format::percent(lang, influence.welfare_loss, 1), Term::WelfareLoss) }
                        <div>
                            <dt>{ t.money_per_capita_label }</dt>
                            <dd id="money-per-capita">{ format::money_dec(lang, influence.money_per_capita, 2) }</dd>
                        </div>
                    </dl>
                    <GroupChart {lang} kind={GroupKind::Influence} table={Rc::new(influence.ratios.clone())} />
                    <ProjectsChart {lang} outcome={Rc::new(report.outcome.clone())} legitimacy={influence.legitimacy} />
                </>
            }
        }
        Section::Inclusion => html! {
            <GroupChart {lang} kind={GroupKind::Inclusion} table={Rc::new(report.inclusion.clone())} />
        },
        Section::Years => html! {
            <CyclesChart {lang} cycles={Rc::new(report.cycles.clone())} />
        },
        Section::Cost => html! {
            <CostChart {lang} run={result.clone()} />
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_section_has_its_place_and_key() {
        for (k, s) in Section::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), k);
        }
        let mut keys: Vec<_> = Section::ALL.iter().map(|s| s.key()).collect();
        keys.dedup();
        assert_eq!(keys.len(), Section::ALL.len());
    }
}
