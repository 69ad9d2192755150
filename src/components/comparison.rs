//! Compare's A and B, drawn by the views bundle into the Compare section (`compare.rs`,
//! `bridge::Panel::Compare`) from the two runs made again there (`crate::rerun`): what changed, the
//! difference table, A and B over 20 towns (`pair_towns`): the paired differences with their
//! spread) and A and B on the same axes. Same seed and population parameters mean the same
//! citizens and the same random draws (common random numbers).

use dialoglab_engine::Report;
use dialoglab_engine::metric::{Metric, Stage};
use serde_json::Value;
use yew::prelude::*;

use crate::components::compare_chart::{CompareChart, PairKind};
use crate::components::pair_towns::PairTowns;
use crate::components::ratio_chart;
use crate::components::term_link::TermLink;
use crate::context::use_app;
use crate::format;
use crate::glossary::Term;
use crate::i18n::Lang;
use crate::json_tree::diff;
use crate::state::Run;

/// Dotted paths of the leaves that differ between two scenario JSON trees.
#[must_use]
pub fn changed_paths(a: &Value, b: &Value) -> Vec<String> {
    fn walk(prefix: &str, d: &Value, out: &mut Vec<String>) {
        match d {
            Value::Object(m) => {
                for (k, v) in m {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&p, v, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }
    let mut out = Vec::new();
    if let Some(d) = diff(a, b) {
        walk("", &d, &mut out);
    }
    out
}

/// A row of the difference table: label, A, B, B − A (all formatted). The rows: the population
/// and the invited (counts, exact), the headline numbers ([`Metric::HEADLINE`], the same as the
/// many-towns panel's, with the same labels and formats), then each group's representation ratio
/// among the attendees.
#[must_use]
pub fn metric_rows(lang: Lang, a: &Report, b: &Report) -> Vec<[String; 4]> {
    let t = lang.t();
    let count = |r: &Report, s: Stage| r.stage(s).map_or(0, |x| x.count);
    let int_row = |label: String, x: u64, y: u64| {
        let sign = match y.cmp(&x) {
            std::cmp::Ordering::Greater => "+",
            std::cmp::Ordering::Less => "−",
            std::cmp::Ordering::Equal => "±",
        };
        [
            label,
            format::int(lang, x),
            format::int(lang, y),
            format!("{sign}{}", format::int(lang, y.abs_diff(x))),
        ]
    };
    let mut rows = vec![
        int_row(
            t.stage_population.into(),
            a.population.size.into(),
            b.population.size.into(),
        ),
        int_row(
            t.stage_invited.into(),
            count(a, Stage::Invited).into(),
            count(b, Stage::Invited).into(),
        ),
    ];
    for m in Metric::HEADLINE {
        let (x, y) = (m.of(a), m.of(b));
        rows.push([
            lang.metric(m),
            lang.metric_value_or_dash(m, x),
            lang.metric_value_or_dash(m, y),
            match (x, y) {
                (Some(x), Some(y)) => lang.headline_diff(m, y - x),
                _ => "–".to_string(),
            },
        ]);
    }
    let ratio = Metric::Representativeness(Stage::Attendees);
    let ra = ratio_chart::rows(a, lang);
    let rb = ratio_chart::rows(b, lang);
    let k = ratio_chart::ATTENDEES;
    for (x, y) in ra.iter().zip(&rb) {
        rows.push([
            format!(
                "{} – {} ({})",
                lang.attribute(x.attribute),
                x.label,
                crate::i18n::lower(t.stage_attendees)
            ),
            format::dec(lang, x.ratios[k], 3),
            format::dec(lang, y.ratios[k], 3),
            lang.headline_diff(ratio, y.ratios[k] - x.ratios[k]),
        ]);
    }
    rows
}

/// Props of [`Comparison`].
#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The pinned run.
    pub a: Run,
    /// The run the results show.
    pub b: Run,
}

/// A beside B: what changed, the difference table, A and B in the same towns, and the charts.
#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let lang = use_app().lang;
    let (a, b) = (&props.a, &props.b);
    let t = lang.t();
    let same = a.0.seed == b.0.seed && a.0.population == b.0.population;
    let ta = serde_json::to_value(&a.0).unwrap_or(Value::Null);
    let tb = serde_json::to_value(&b.0).unwrap_or(Value::Null);
    let changed = changed_paths(&ta, &tb);
    let count = |r: &Report| r.stage(Stage::Attendees).map_or(0, |x| x.count);
    let index = |r: &Report| {
        r.stage(Stage::Attendees)
            .map_or(0.0, |x| x.representativeness.index)
    };
    html! {
        <>
            <p id="compare-summary">{ lang.compare_desc(count(&a.1), count(&b.1), index(&a.1), index(&b.1)) }</p>
            <p class={if same { "hint" } else { "warning" }} id="compare-population">{ if same { t.same_population } else { t.other_population } }<TermLink term={Term::SamePopulation} name={t.compare_heading} /></p>
            <p><strong>{ t.changed_fields }{ ": " }</strong>
                { if changed.is_empty() { t.no_changes.to_string() } else {
                    changed.iter().map(|p| lang.parameter_label(p)).collect::<Vec<_>>().join(", ")
                } }
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={t.compare_heading}>
                <table id="compare-table" class="compare-table">
                    <caption>{ t.compare_heading }</caption>
                    <thead><tr>
                        <th scope="col">{ t.col_metric }</th><th scope="col">{ "A" }</th><th scope="col">{ "B" }</th>
                        <th scope="col">{ t.col_difference }</th>
                    </tr></thead>
                    <tbody>
                        { for metric_rows(lang, &a.1, &b.1).into_iter().map(|[l, x, y, d]| html! {
                            <tr><th scope="row">{ l }</th><td>{ x }</td><td>{ y }</td><td>{ d }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <PairTowns {lang} a={a.0.clone()} b={b.0.clone()} />
            <CompareChart {lang} kind={PairKind::Representation} a={a.clone()} b={b.clone()} />
            <CompareChart {lang} kind={PairKind::Influence} a={a.clone()} b={b.clone()} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::Scenario;

    #[test]
    fn changed_paths_name_the_leaves() {
        let a = Scenario::default();
        let mut b = a.clone();
        b.budget = 1;
        b.invitation.supports.childcare = true;
        let paths = changed_paths(
            &serde_json::to_value(&a).unwrap(),
            &serde_json::to_value(&b).unwrap(),
        );
        assert_eq!(paths, vec!["budget", "invitation.supports.childcare"]);
    }

    #[test]
    fn the_difference_of_a_run_with_itself_is_zero_and_b_minus_a_otherwise() {
        let a = Scenario::default();
        let ra = dialoglab_engine::run(&a).unwrap();
        let rows = metric_rows(Lang::En, &ra, &ra);
        assert!(rows.iter().all(|r| r[3].starts_with('±')), "{rows:?}");
        let mut b = a.clone();
        b.invitation.strategy = dialoglab_engine::Strategy::Stratified;
        let rb = dialoglab_engine::run(&b).unwrap();
        let rows = metric_rows(Lang::En, &ra, &rb);
        assert_eq!(rows[0][3], "±0", "same population");
        let row = |m: Metric| {
            rows.iter()
                .find(|r| r[0] == Lang::En.metric(m))
                .unwrap_or_else(|| panic!("no row for {}", m.name()))
        };
        let attendees = row(Metric::Attendees);
        assert_ne!(attendees[1], attendees[2], "attendees differ");
        let index = row(Metric::Representativeness(Stage::Attendees));
        assert!(
            index[3].starts_with('+'),
            "stratified is more representative: {index:?}"
        );
        // B − A, formatted as the many-towns panel formats a difference.
        let m = Metric::Representativeness(Stage::Attendees);
        let d = m.of(&rb).unwrap() - m.of(&ra).unwrap();
        assert_eq!(index[3], Lang::En.headline_diff(m, d));
        assert_eq!(rows.len(), 2 + Metric::HEADLINE.len() + 22);
    }
}
