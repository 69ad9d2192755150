//! A and B on the same axes: per group, A's value (hollow blue circle) and B's (filled vermillion
//! triangle) joined by a line, on a log axis around 1 (fair share / equal influence). Used by
//! Compare for representation among attendees and for influence.

use std::rc::Rc;

use dialoglab_engine::Report;
use dialoglab_engine::attributes::Attribute;
use yew::prelude::*;

pub use crate::charts::kinds::PairKind;
use crate::charts::palette;
use crate::charts::scale::{Clip, Log, RATIO_MAX, RATIO_MIN, ratio_domain, ratio_ticks};
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::components::group_chart::{GroupRow, group_rows};
use crate::components::ratio_chart::{self, clip_mark, is_fair, tick, tick_label};
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::Lang;
use crate::state::Run;

const WIDTH: f64 = 640.0;
const LEFT: f64 = 232.0;
const RIGHT: f64 = 30.0;
const ROW: f64 = 20.0;
const HEAD: f64 = 24.0;
/// The axis's ends unless the data reach further (`ratio_domain`).
const LO: f64 = 0.25;
const HI: f64 = 4.0;

/// One group's value in A and in B.
#[derive(Clone, Debug, PartialEq)]
pub struct PairRow {
    /// The attribute.
    pub attribute: Attribute,
    /// Category label in the interface language.
    pub label: String,
    /// Category key, as in the report.
    pub key: String,
    /// Value in A.
    pub a: f64,
    /// Value in B.
    pub b: f64,
}

/// Each group's value in `report` (the attendees' representation ratio or the influence ratio).
fn values(kind: PairKind, report: &Report, lang: Lang) -> Vec<GroupRow> {
    match kind {
        PairKind::Representation => {
            let k = ratio_chart::ATTENDEES;
            ratio_chart::rows(report, lang)
                .into_iter()
                .map(|r| GroupRow {
                    value: r.ratios.get(k).copied().unwrap_or(0.0),
                    attribute: r.attribute,
                    label: r.label,
                    key: r.key,
                })
                .collect()
        }
        PairKind::Influence => group_rows(&report.influence.ratios, lang),
    }
}

/// The groups present in both runs, in category order.
#[must_use]
pub fn pair_rows(kind: PairKind, a: &Report, b: &Report, lang: Lang) -> Vec<PairRow> {
    let bs = values(kind, b, lang);
    values(kind, a, lang)
        .into_iter()
        .filter_map(|r| {
            let vb = bs
                .iter()
                .find(|g| g.attribute == r.attribute && g.key == r.key)?
                .value;
            Some(PairRow {
                attribute: r.attribute,
                label: r.label,
                key: r.key,
                a: r.value,
                b: vb,
            })
        })
        .collect()
}

/// The group whose value moved most between A and B, on the log scale (ratios halving and
/// doubling count the same).
#[must_use]
pub fn largest_change(rows: &[PairRow]) -> Option<&PairRow> {
    let size = |r: &PairRow| (r.b / r.a).ln().abs();
    rows.iter()
        .filter(|r| r.a > 0.0 && r.b > 0.0)
        .max_by(|x, y| size(x).total_cmp(&size(y)))
}

/// Props of [`CompareChart`].
#[derive(Properties, PartialEq)]
pub struct CompareChartProps {
    /// Interface language.
    pub lang: Lang,
    /// What is drawn.
    pub kind: PairKind,
    /// The pinned run.
    pub a: Run,
    /// The current run.
    pub b: Run,
}

/// The paired dot plot.
#[component]
pub fn CompareChart(props: &CompareChartProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let rows = pair_rows(props.kind, &props.a.1, &props.b.1, lang);
    let (title, axis) = lang.compare_chart(props.kind);
    let desc = largest_change(&rows).map_or_else(
        || lang.compare_chart_same(),
        |r| {
            lang.compare_chart_desc(
                &lang.group_name(r.attribute, &r.key),
                &format::dec(lang, r.a, 2),
                &format::dec(lang, r.b, 2),
            )
        },
    );
    let all: Vec<f64> = rows.iter().flat_map(|r| [r.a, r.b]).collect();
    let (d0, d1) = ratio_domain(&all, LO, HI, RATIO_MIN, RATIO_MAX);
    let scale = Log {
        d0,
        d1,
        r0: LEFT,
        r1: WIDTH - RIGHT,
    };
    let map = |v: f64| scale.map(v);
    let ticks = ratio_ticks(d0, d1);
    let note = |clip: Clip| {
        if clip == Clip::Inside {
            String::new()
        } else {
            format!(" ({})", t.clipped_note)
        }
    };
    let mut y = 34.0;
    let mut body = Vec::new();
    let mut last = None;
    for row in &rows {
        if last != Some(row.attribute) {
            y += HEAD;
            body.push(html! { <text x="4" y={format!("{:.1}", y - 8.0)} class="group-heading">{ lang.attribute(row.attribute) }</text> });
            last = Some(row.attribute);
        }
        let cy = y + ROW / 2.0;
        let ((xa, ca), (xb, cb)) = (scale.place(row.a), scale.place(row.b));
        let name = format!("{} – {}", lang.attribute(row.attribute), row.label);
        let (va, vb) = (format::dec(lang, row.a, 2), format::dec(lang, row.b, 2));
        let label_a = format!("A · {name}: {va}{}", note(ca));
        let label_b = format!("B · {name}: {vb}{}", note(cb));
        body.push(html! {
            <>
                <text x={(LEFT - 10.0).to_string()} y={format!("{cy:.1}")} text-anchor="end" dominant-baseline="middle">{ row.label.clone() }</text>
                <line x1={format!("{xa:.1}")} x2={format!("{xb:.1}")} y1={format!("{cy:.1}")} y2={format!("{cy:.1}")} stroke={palette::GREY} stroke-width="2" />
                <Mark class="point" label={label_a} x={xa} y={cy}>
                    <circle cx={format!("{xa:.1}")} cy={format!("{cy:.1}")} r="5" fill="none" stroke={palette::BLUE} stroke-width="2.2" />
                </Mark>
                <Mark class="point" label={label_b} x={xb} y={cy}>
                    <polygon points={format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", xb, cy - 6.0, xb + 6.0, cy + 5.0, xb - 6.0, cy + 5.0)}
                        fill={palette::VERMILLION} stroke="#000" stroke-width="0.6" />
                </Mark>
                { clip_mark(ca, xa, cy, format!("A {va}")) }
                { clip_mark(cb, xb, cy, format!("B {vb}")) }
            </>
        });
        y += ROW;
    }
    let height = y + 40.0;
    let table = Rc::new(Table {
        headers: vec![
            t.col_group.into(),
            format!("A: {axis}"),
            format!("B: {axis}"),
            t.col_difference.into(),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(format!("{} – {}", lang.attribute(r.attribute), r.label)),
                    Cell::Num(r.a, 3),
                    Cell::Num(r.b, 3),
                    Cell::Num(r.b - r.a, 3),
                ]
            })
            .collect(),
    });
    let legend = html! {
        <ul class="legend">
            <li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="5" fill="none" stroke={palette::BLUE} stroke-width="2.2" /></svg>{ t.compare_legend_a }</li>
            <li><svg width="16" height="16" aria-hidden="true"><polygon points="8,2 14,13 2,13" fill={palette::VERMILLION} stroke="#000" stroke-width="0.6" /></svg>{ t.compare_legend_b }</li>
        </ul>
    };
    html! {
        <ChartFrame id={props.kind.id()} {lang} title={title} desc={desc} width={WIDTH} {height} {table} {legend}>
            { for ticks.iter().map(|&v| tick(map(v), 30.0, height - 30.0, is_fair(v), tick_label(lang, v))) }
            { for body }
            <text x={format!("{:.1}", (LEFT + WIDTH - RIGHT) / 2.0)} y={format!("{:.0}", height - 12.0)} text-anchor="middle" class="axis-label">{ axis }</text>
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::{Scenario, Strategy};

    #[test]
    fn pairs_cover_every_core_group_and_name_the_largest_change() {
        let a = Scenario::default();
        let ra = dialoglab_engine::run(&a).unwrap();
        let same = pair_rows(PairKind::Influence, &ra, &ra, Lang::En);
        assert_eq!(same.len(), 22);
        assert!(same.iter().all(|r| r.a.to_bits() == r.b.to_bits()));
        let mut b = a.clone();
        b.invitation.strategy = Strategy::Stratified;
        let rb = dialoglab_engine::run(&b).unwrap();
        let rows = pair_rows(PairKind::Representation, &ra, &rb, Lang::En);
        assert_eq!(rows.len(), 22);
        let top = largest_change(&rows).expect("some group changes");
        let change = |r: &PairRow| (r.b / r.a).ln().abs();
        assert!(
            rows.iter()
                .all(|r| r.a <= 0.0 || r.b <= 0.0 || change(r) <= change(top))
        );
        assert!(change(top) > 0.0);
    }
}
