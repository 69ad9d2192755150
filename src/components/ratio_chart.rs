//! Representation-ratio dot plot: one row per group, one marker per stage, a line at 1 (fair share).

use dialoglab_engine::Report;
use dialoglab_engine::attributes::Attribute;
use dialoglab_engine::metric::Stage;
use yew::prelude::*;

use crate::charts::palette;
use crate::charts::scale::{Clip, Log, RATIO_MAX, RATIO_MIN, ratio_domain, ratio_ticks};
use std::rc::Rc;

use crate::components::chart_frame::{ChartFrame, Mark};
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::Lang;

/// Smallest and largest ratio on the axis unless the data reach further (`ratio_domain`).
const LO: f64 = 0.125;
const HI: f64 = 8.0;
const WIDTH: f64 = 640.0;
const LEFT: f64 = 232.0;
const RIGHT: f64 = 24.0;
const ROW: f64 = 24.0;
const HEAD: f64 = 24.0;

/// One group's ratios at each stage.
#[derive(Clone, Debug, PartialEq)]
pub struct RatioRow {
    /// The attribute.
    pub attribute: Attribute,
    /// Category label in the interface language.
    pub label: String,
    /// Category key, as in the report.
    pub key: String,
    /// Share of the population in the group.
    pub population_share: f64,
    /// Ratio per stage in [`STAGES`] order.
    pub ratios: Vec<f64>,
}

/// Stages drawn, with marker shape and colour.
pub const STAGES: [(Stage, Shape, &str); 4] = [
    (Stage::Invited, Shape::Circle, palette::ORANGE),
    (Stage::Attendees, Shape::Diamond, palette::BLUE),
    (Stage::Speakers, Shape::Triangle, palette::GREEN),
    (Stage::Voters, Shape::Square, palette::PURPLE),
];

/// Index of the attendees in [`STAGES`].
pub const ATTENDEES: usize = 1;

/// Marker shapes (so colour is never the only cue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A circle.
    Circle,
    /// A diamond.
    Diamond,
    /// A triangle.
    Triangle,
    /// A square.
    Square,
}

/// Rows for the core attributes, in attribute and category order.
#[must_use]
pub fn rows(report: &Report, lang: Lang) -> Vec<RatioRow> {
    let mut out = Vec::new();
    for a in Attribute::CORE {
        let Some(shares) = report.population.shares.get(a.key()) else {
            continue;
        };
        for (c, share) in shares_in_order(a, shares) {
            let ratios = STAGES
                .iter()
                .map(|(stage, _, _)| {
                    report
                        .stage(*stage)
                        .and_then(|s| s.representativeness.ratios.get(a.key()))
                        .and_then(|r| r.get(&c))
                        .copied()
                        .unwrap_or(0.0)
                })
                .collect();
            out.push(RatioRow {
                attribute: a,
                label: lang.category(a, &c),
                key: c.clone(),
                population_share: share,
                ratios,
            });
        }
    }
    out
}

fn shares_in_order(
    a: Attribute,
    shares: &std::collections::BTreeMap<String, f64>,
) -> Vec<(String, f64)> {
    (0..a.category_count(u8::MAX))
        .map(|c| a.category_key(c as u8))
        .filter_map(|k| shares.get(&k).filter(|s| **s > 0.0).map(|s| (k, *s)))
        .collect()
}

/// The most over- and under-represented attendee groups: ((label, ratio), (label, ratio)).
#[must_use]
pub fn extremes(rows: &[RatioRow], lang: Lang) -> Option<((String, f64), (String, f64))> {
    let k = ATTENDEES;
    let named = |r: &RatioRow| lang.group_name(r.attribute, &r.key);
    let over = rows
        .iter()
        .max_by(|a, b| a.ratios[k].total_cmp(&b.ratios[k]))?;
    let under = rows
        .iter()
        .min_by(|a, b| a.ratios[k].total_cmp(&b.ratios[k]))?;
    Some((
        (named(over), over.ratios[k]),
        (named(under), under.ratios[k]),
    ))
}

fn marker(shape: Shape, x: f64, y: f64, colour: &'static str) -> Html {
    match shape {
        Shape::Circle => {
            html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="5.5" fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        Shape::Diamond => {
            let points = format!(
                "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                x,
                y - 6.5,
                x + 6.5,
                y,
                x,
                y + 6.5,
                x - 6.5,
                y
            );
            html! { <polygon {points} fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        Shape::Triangle => {
            let points = format!(
                "{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                y - 6.5,
                x + 6.0,
                y + 5.0,
                x - 6.0,
                y + 5.0
            );
            html! { <polygon {points} fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
        Shape::Square => {
            html! { <rect x={format!("{:.1}", x - 5.0)} y={format!("{:.1}", y - 5.0)} width="10" height="10" fill={colour} stroke="#000" stroke-width="0.6" /> }
        }
    }
}

/// Props of [`RatioChart`].
#[derive(Properties, PartialEq)]
pub struct RatioChartProps {
    /// Interface language.
    pub lang: Lang,
    /// The report drawn.
    pub report: std::rc::Rc<(dialoglab_engine::Scenario, Report)>,
}

/// The dot plot with its legend, summary and data table.
#[component]
pub fn RatioChart(props: &RatioChartProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let rows = {
        let report = props.report.clone();
        use_memo((report, lang), |(r, lang)| rows(&r.1, *lang))
    };
    let all: Vec<f64> = rows.iter().flat_map(|r| r.ratios.iter().copied()).collect();
    let (d0, d1) = ratio_domain(&all, LO, HI, RATIO_MIN, RATIO_MAX);
    let x = Log {
        d0,
        d1,
        r0: LEFT,
        r1: WIDTH - RIGHT,
    };
    let index = props
        .report
        .1
        .stage(Stage::Attendees)
        .map_or(0.0, |s| s.representativeness.index);
    let desc = extremes(&rows, lang).map_or_else(String::new, |(o, u)| {
        lang.ratio_desc((&o.0, o.1), (&u.0, u.1), index)
    });
    let stage_name = |k: usize| match STAGES[k].0 {
        Stage::Invited => t.stage_invited,
        Stage::Attendees => t.stage_attendees,
        Stage::Speakers => t.stage_speakers,
        Stage::Voters => t.stage_voters,
    };

    let mut y = 34.0;
    let mut body = Vec::new();
    let mut last: Option<Attribute> = None;
    for row in rows.iter() {
        if last != Some(row.attribute) {
            y += HEAD;
            body.push(html! {
                <text x="4" y={format!("{:.1}", y - 8.0)} class="group-heading">{ lang.attribute(row.attribute) }</text>
            });
            last = Some(row.attribute);
        }
        let cy = y + ROW / 2.0;
        body.push(html! {
            <text x={(LEFT - 10.0).to_string()} y={format!("{cy:.1}")} text-anchor="end" dominant-baseline="middle">{ row.label.clone() }</text>
        });
        body.push(html! {
            <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={format!("{cy:.1}")} y2={format!("{cy:.1}")} class="row-rule" />
        });
        // Values already written by a clip mark of this row (stages with the same value, e.g. 0).
        let mut written: Vec<String> = Vec::new();
        for (k, (_, shape, colour)) in STAGES.iter().enumerate() {
            let v = row.ratios[k];
            let (cx, clip) = x.place(v);
            let value = format::dec(lang, v, 2);
            let mark_text = if clip == Clip::Inside || written.contains(&value) {
                String::new()
            } else {
                written.push(value.clone());
                value.clone()
            };
            let label = format!(
                "{} – {} – {}: {value}{}",
                lang.attribute(row.attribute),
                row.label,
                stage_name(k),
                if clip == Clip::Inside {
                    String::new()
                } else {
                    format!(" ({})", t.clipped_note)
                }
            );
            // Stages sit slightly apart vertically so equal values stay visible.
            let my = cy + (k as f64 - 1.5) * 3.5;
            body.push(html! {
                <>
                    <Mark class="point" {label} x={cx} y={my}>
                        { marker(*shape, cx, my, colour) }
                    </Mark>
                    { clip_mark(clip, cx, my, mark_text) }
                </>
            });
        }
        y += ROW;
    }
    let height = y + 40.0;
    let ticks = ratio_ticks(d0, d1);
    let table = Rc::new(Table {
        headers: [t.col_group.to_string(), t.col_population_share.to_string()]
            .into_iter()
            .chain((0..STAGES.len()).map(|k| stage_name(k).to_string()))
            .collect(),
        rows: rows
            .iter()
            .map(|r| {
                let mut cells = vec![
                    Cell::Text(format!("{} – {}", lang.attribute(r.attribute), r.label)),
                    Cell::Share(r.population_share),
                ];
                cells.extend(r.ratios.iter().map(|v| Cell::Num(*v, 2)));
                cells
            })
            .collect(),
    });
    let legend = html! {
        <ul class="legend">
            { for STAGES.iter().enumerate().map(|(k, (_, shape, colour))| html! {
                <li>
                    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{ marker(*shape, 8.0, 8.0, colour) }</svg>
                    { stage_name(k) }
                </li>
            }) }
        </ul>
    };
    html! {
        <ChartFrame id="ratio-chart" {lang} title={t.ratio_title} desc={desc} width={WIDTH} {height} {table} {legend}>
            { for ticks.iter().map(|&v| tick(x.map(v), 28.0, height - 34.0, is_fair(v), tick_label(lang, v))) }
            { for body.into_iter() }
            <text x={format!("{:.1}", x.map(1.0))} y={format!("{:.0}", height - 12.0)} text-anchor="middle" class="axis-label">{ t.ratio_axis }</text>
        </ChartFrame>
    }
}

/// The mark of a value clipped at an end of the axis (drawn at `x`, the edge): an arrow pointing
/// off the axis and the value written beside it (`text`; empty when a mark of the same row has
/// already written the same value), so nothing is clamped in silence.
pub fn clip_mark(clip: Clip, x: f64, y: f64, text: String) -> Html {
    let (tip, back, tx, anchor) = match clip {
        Clip::Inside => return Html::default(),
        Clip::Below => (x - 9.0, x - 3.0, x + 9.0, "start"),
        Clip::Above => (x + 9.0, x + 3.0, x - 9.0, "end"),
    };
    html! {
        <g class="clip-mark">
            <polygon points={format!("{tip:.1},{y:.1} {back:.1},{:.1} {back:.1},{:.1}", y - 4.0, y + 4.0)} />
            if !text.is_empty() {
                <text x={format!("{tx:.1}")} y={format!("{:.1}", y - 6.0)} text-anchor={anchor}>{ text }</text>
            }
        </g>
    }
}

/// Whether a tick of a ratio axis is the fair-share line at 1.
#[must_use]
pub fn is_fair(v: f64) -> bool {
    (v - 1.0).abs() < 1e-9
}

/// A vertical grid line at `x` from `top` to `bottom` with its text above the plot; the fair-share
/// line (`fair`) is drawn stronger by the `tick fair` class.
pub fn tick(x: f64, top: f64, bottom: f64, fair: bool, text: String) -> Html {
    html! {
        <g class={if fair { "tick fair" } else { "tick" }}>
            <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{top:.0}")} y2={format!("{bottom:.0}")} />
            <text x={format!("{x:.1}")} y="22" text-anchor="middle">{ text }</text>
        </g>
    }
}

/// Tick text: ½ as `0,5`/`0.5`, whole numbers without decimals.
#[must_use]
pub fn tick_label(lang: Lang, v: f64) -> String {
    format::dec(lang, v, if v < 1.0 { 3 } else { 0 })
        .trim_end_matches('0')
        .trim_end_matches([',', '.'])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cover_every_core_category_and_find_the_extremes() {
        let scenario = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        let report = dialoglab_engine::run(&scenario).unwrap();
        let r = rows(&report, Lang::En);
        assert_eq!(r.len(), 4 + 2 + 4 + 2 + 3 + 3 + 2 + 2);
        assert!(r.iter().all(|row| row.ratios.len() == STAGES.len()));
        let ((over, ov), (under, uv)) = extremes(&r, Lang::En).unwrap();
        assert!(ov > 1.0 && uv < 1.0, "{over} {ov} {under} {uv}");
        assert_eq!(tick_label(Lang::Da, 0.125), "0,125");
        assert_eq!(tick_label(Lang::En, 0.5), "0.5");
        assert_eq!(tick_label(Lang::En, 8.0), "8");
    }
}
