//! A value per group (core attributes and their categories) as a dot plot: end-to-end selection
//! probability for the panel, end-to-end inclusion, or the influence ratio (log axis, 1 = fair).

use std::rc::Rc;

use dialoglab_engine::attributes::Attribute;
use dialoglab_engine::report::GroupTable;
use yew::prelude::*;

pub use crate::charts::kinds::GroupKind;
use crate::charts::palette;
use crate::charts::scale::{
    Clip, Linear, Log, RATIO_MAX, RATIO_MIN, nice_ticks, ratio_domain, ratio_ticks,
};
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::components::ratio_chart::{clip_mark, is_fair, tick, tick_label};
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::{Lang, group_value};

const WIDTH: f64 = 640.0;
const LEFT: f64 = 232.0;
const RIGHT: f64 = 30.0;
const ROW: f64 = 20.0;
const HEAD: f64 = 24.0;

/// One group's value.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    /// The attribute.
    pub attribute: Attribute,
    /// Category label in the interface language.
    pub label: String,
    /// Category key, as in the report.
    pub key: String,
    /// The value.
    pub value: f64,
}

/// Rows for the core attributes in category order (categories missing from the table skipped).
#[must_use]
pub fn group_rows(table: &GroupTable, lang: Lang) -> Vec<GroupRow> {
    let mut out = Vec::new();
    for a in Attribute::CORE {
        let Some(map) = table.get(a.key()) else {
            continue;
        };
        for c in 0..a.category_count(u8::MAX) {
            let key = a.category_key(c as u8);
            if let Some(v) = map.get(&key) {
                out.push(GroupRow {
                    attribute: a,
                    label: lang.category(a, &key),
                    key: key.clone(),
                    value: *v,
                });
            }
        }
    }
    out
}

/// The highest and lowest groups, named with their attribute.
#[must_use]
pub fn extremes(rows: &[GroupRow], lang: Lang) -> Option<((String, f64), (String, f64))> {
    let named = |r: &GroupRow| lang.group_name(r.attribute, &r.key);
    let high = rows.iter().max_by(|a, b| a.value.total_cmp(&b.value))?;
    let low = rows.iter().min_by(|a, b| a.value.total_cmp(&b.value))?;
    Some(((named(high), high.value), (named(low), low.value)))
}

/// Props of [`GroupChart`].
#[derive(Properties, PartialEq)]
pub struct GroupChartProps {
    /// Interface language.
    pub lang: Lang,
    /// What is drawn.
    pub kind: GroupKind,
    /// The values per attribute and category.
    pub table: Rc<GroupTable>,
}

/// The dot plot.
#[component]
pub fn GroupChart(props: &GroupChartProps) -> Html {
    let lang = props.lang;
    let kind = props.kind;
    let rows = group_rows(&props.table, lang);
    let (title, axis) = lang.group_chart(kind);
    let desc = extremes(&rows, lang).map_or_else(String::new, |(h, l)| {
        lang.group_desc(kind, (&h.0, h.1), (&l.0, l.1))
    });
    let values: Vec<f64> = rows.iter().map(|r| r.value).collect();
    let (lo, hi) = ratio_domain(&values, 0.25, 4.0, RATIO_MIN, RATIO_MAX);
    let ticks = if kind.is_ratio() {
        ratio_ticks(lo, hi)
    } else {
        nice_ticks(rows.iter().map(|r| r.value).fold(0.0, f64::max))
    };
    let top = ticks.last().copied().unwrap_or(1.0);
    let place = |v: f64| {
        if kind.is_ratio() {
            Log {
                d0: lo,
                d1: hi,
                r0: LEFT,
                r1: WIDTH - RIGHT,
            }
            .place(v)
        } else {
            // The ticks reach past the largest value, so nothing is clipped.
            let x = Linear {
                d0: 0.0,
                d1: top,
                r0: LEFT,
                r1: WIDTH - RIGHT,
            }
            .map(v);
            (x, Clip::Inside)
        }
    };
    let map = |v: f64| place(v).0;
    let base = if kind.is_ratio() { map(1.0) } else { LEFT };
    let colour = if kind.is_ratio() {
        palette::VERMILLION
    } else {
        palette::GREEN
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
        let (cx, clip) = place(row.value);
        let value = group_value(lang, kind, row.value);
        let label = format!(
            "{} – {}: {value}{}",
            lang.attribute(row.attribute),
            row.label,
            if clip == Clip::Inside {
                String::new()
            } else {
                format!(" ({})", lang.t().clipped_note)
            }
        );
        body.push(html! {
            <>
                <text x={(LEFT - 10.0).to_string()} y={format!("{cy:.1}")} text-anchor="end" dominant-baseline="middle">{ row.label.clone() }</text>
                <line x1={format!("{base:.1}")} x2={format!("{cx:.1}")} y1={format!("{cy:.1}")} y2={format!("{cy:.1}")} stroke={colour} stroke-width="2" />
                <Mark class="point" {label} x={cx} y={cy}>
                    <rect x={format!("{:.1}", cx - 5.0)} y={format!("{:.1}", cy - 5.0)} width="10" height="10" fill={colour} stroke="#000" stroke-width="0.6" />
                </Mark>
                { clip_mark(clip, cx, cy, value) }
            </>
        });
        y += ROW;
    }
    let height = y + 40.0;
    let table = Rc::new(Table {
        headers: vec![
            lang.t().col_group.into(),
            if kind.is_ratio() {
                axis.to_string()
            } else {
                format!("{} (‰)", lang.t().col_probability)
            },
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(format!("{} – {}", lang.attribute(r.attribute), r.label)),
                    if kind.is_ratio() {
                        Cell::Num(r.value, 2)
                    } else {
                        Cell::Num(r.value * 1000.0, 3)
                    },
                ]
            })
            .collect(),
    });
    html! {
        <ChartFrame id={kind.id()} {lang} title={title} desc={desc} width={WIDTH} {height} {table}>
            { for ticks.iter().map(|&v| {
                let text = if kind.is_ratio() {
                    tick_label(lang, v)
                } else {
                    format::dec(lang, v * 1000.0, usize::from(top * 1000.0 < 10.0))
                };
                tick(map(v), 30.0, height - 30.0, kind.is_ratio() && is_fair(v), text)
            }) }
            { for body }
            <text x={format!("{:.1}", (LEFT + WIDTH - RIGHT) / 2.0)} y={format!("{:.0}", height - 12.0)} text-anchor="middle" class="axis-label">{ axis }</text>
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stratified_runs_give_a_row_per_core_category() {
        let mut s = dialoglab_engine::Scenario::default();
        s.invitation.strategy = dialoglab_engine::Strategy::Stratified;
        let r = dialoglab_engine::run(&s).unwrap();
        let sel = r.selection.expect("stratified has a selection");
        let rows = group_rows(&sel.end_to_end, Lang::En);
        assert_eq!(rows.len(), 22);
        assert!(rows.iter().all(|r| (0.0..=1.0).contains(&r.value)));
        assert!(rows.iter().any(|r| r.value > 0.0));
        let influence = group_rows(&r.influence.ratios, Lang::Da);
        assert_eq!(influence.len(), 22);
        let ((_, hi), (_, lo)) = extremes(&influence, Lang::Da).unwrap();
        assert!(hi >= 1.0 && lo <= 1.0, "{hi} {lo}");
    }

    #[test]
    fn values_are_shown_as_ratios_or_per_mille() {
        assert_eq!(group_value(Lang::Da, GroupKind::Influence, 1.234), "1,23");
        assert_eq!(
            group_value(Lang::En, GroupKind::Inclusion, 0.0123),
            "12.30 ‰"
        );
    }
}
