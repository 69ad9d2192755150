//! The guide's key chart: the chapter's metric at the starting setting and at the setting asked
//! about, as two bars (a reference line at 1 for representation ratios).

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::export::{Cell, Table};
use crate::guide::{Chapter, Metric, Reveal};
use crate::i18n::Lang;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 250.0;
const ROW: f64 = 40.0;
const TOP: f64 = 12.0;
/// Height of one line of a setting's name.
const LINE: f64 = 15.0;
/// Longest line of a setting's name, in characters, that fits left of the bars.
const LABEL_CHARS: usize = 28;

/// A setting's name broken at spaces into lines of at most `max` characters (a longer word
/// keeps a line of its own), so that a long name is shown whole left of its bar. Only plain
/// spaces break: a no-break space (`100.000 kr.`) holds a number to its unit.
#[must_use]
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Height of a row whose name has `lines` lines.
fn row_height(lines: usize) -> f64 {
    ROW.max(LINE * lines as f64 + 12.0)
}

/// The right end of the value axis: 1 for shares, at least 1 (fair share) for ratios, with room
/// for the larger value.
#[must_use]
pub fn axis_max(metric: Metric, a: f64, b: f64) -> f64 {
    let top = [a, b]
        .into_iter()
        .filter(|x| x.is_finite())
        .fold(1.0_f64, f64::max);
    match metric {
        Metric::AttendeeRatio(..) => (top * 1.1 * 2.0).ceil() / 2.0,
        _ => top,
    }
}

/// Length of the bar for `x` on an axis of `max` over `span` units (0 for non-finite values).
#[must_use]
pub fn bar_length(x: f64, max: f64, span: f64) -> f64 {
    if x.is_finite() && max > 0.0 {
        (x / max).clamp(0.0, 1.0) * span
    } else {
        0.0
    }
}

/// Props of [`GuideChart`].
#[derive(Properties, PartialEq)]
pub struct GuideChartProps {
    /// Interface language.
    pub lang: Lang,
    /// The chapter.
    pub chapter: &'static Chapter,
    /// The engine's answer.
    pub reveal: Rc<Reveal>,
}

/// Two bars: before and after.
#[component]
pub fn GuideChart(props: &GuideChartProps) -> Html {
    let lang = props.lang;
    let g = lang.guide();
    let (c, r) = (props.chapter, &*props.reveal);
    let label = |k: usize| c.lever.options[k].label.get(lang);
    let metric_name = c.metric_label.get(lang);
    let rows = [
        (label(r.from), r.before, palette::BLUE, ""),
        (label(r.to), r.after, palette::ORANGE, "6 3"),
    ];
    let desc = lang.guide_desc(
        metric_name,
        (rows[0].0, &c.metric.show(lang, r.before)),
        (rows[1].0, &c.metric.show(lang, r.after)),
    );
    let span = WIDTH - LABEL - 90.0;
    let max = axis_max(c.metric, r.before, r.after);
    let table = Rc::new(Table {
        headers: vec![
            format!("{} ({})", g.col_setting, c.lever.label.get(lang)),
            format!("{} ({metric_name})", g.col_value),
        ],
        rows: rows
            .iter()
            .map(|(name, v, _, _)| {
                let value = match c.metric {
                    Metric::OrganisedCapture
                    | Metric::Legitimacy
                    | Metric::LegitimacyInformed
                    | Metric::BenefitShare(..) => Cell::Share(*v),
                    _ => Cell::Num(*v, 2),
                };
                vec![Cell::Text((*name).to_string()), value]
            })
            .collect(),
    });
    let names: Vec<Vec<String>> = rows.iter().map(|row| wrap(row.0, LABEL_CHARS)).collect();
    let heights: Vec<f64> = names.iter().map(|n| row_height(n.len())).collect();
    let rows_height: f64 = heights.iter().sum();
    let height = TOP * 2.0 + rows_height + 14.0;
    let reference = matches!(c.metric, Metric::AttendeeRatio(..)).then(|| {
        let x = LABEL + bar_length(1.0, max, span);
        html! {
            <g class="reference" aria-hidden="true">
                <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{TOP:.1}")}
                    y2={format!("{:.1}", TOP + rows_height)} stroke="currentColor" stroke-dasharray="2 3" />
                <text x={format!("{x:.1}")} y={format!("{:.1}", TOP + rows_height + 12.0)} text-anchor="middle" class="axis-label">{ "1" }</text>
            </g>
        }
    });
    html! {
        <ChartFrame id="guide-chart" {lang} title={AttrValue::from(crate::i18n::capitalise(metric_name))} desc={desc}
            width={WIDTH} {height} {table}>
            { for rows.iter().enumerate().map(|(k, (name, v, colour, dash))| {
                let y = TOP + heights[..k].iter().sum::<f64>();
                let h = heights[k];
                let middle = y + h / 2.0;
                let w = bar_length(*v, max, span);
                let shown = c.metric.show(lang, *v);
                let first = middle + 4.0 - LINE * (names[k].len() as f64 - 1.0) / 2.0;
                html! {
                    <Mark label={format!("{name}: {shown}")} x={LABEL + w} y={middle - ROW / 2.0}>
                        <text text-anchor="end">
                            { for names[k].iter().enumerate().map(|(j, line)| html! {
                                <tspan x={format!("{:.1}", LABEL - 8.0)}
                                    y={format!("{:.1}", first + LINE * j as f64)}>{ line.clone() }</tspan>
                            }) }
                        </text>
                        <rect x={format!("{LABEL:.1}")} y={format!("{:.1}", middle - (ROW - 12.0) / 2.0)} width={format!("{:.1}", w.max(1.0))}
                            height={format!("{:.1}", ROW - 12.0)} fill={*colour} stroke="currentColor"
                            stroke-width="1.5" stroke-dasharray={*dash} />
                        <text x={format!("{:.1}", LABEL + w + 6.0)} y={format!("{:.1}", middle + 4.0)}>{ shown }</text>
                    </Mark>
                }
            }) }
            { reference }
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fit_the_axis_and_ratios_show_the_fair_share() {
        let ratio = Metric::AttendeeRatio("children", "yes");
        assert!((axis_max(ratio, 0.4, 0.8) - 1.5).abs() < 1e-12);
        assert!((axis_max(ratio, 0.2, 3.6) - 4.0).abs() < 1e-12);
        assert!((axis_max(Metric::Legitimacy, 0.7, 0.69) - 1.0).abs() < 1e-12);
        assert!((bar_length(0.5, 1.0, 300.0) - 150.0).abs() < 1e-12);
        assert!(bar_length(f64::NAN, 1.0, 300.0).abs() < 1e-12);
        assert!((bar_length(2.0, 1.0, 300.0) - 300.0).abs() < 1e-12);
    }

    #[test]
    fn long_setting_names_wrap_whole_at_spaces() {
        let name = "Virkeligt (status styrer taletid og overtalelse)";
        let lines = wrap(name, LABEL_CHARS);
        assert_eq!(
            lines,
            ["Virkeligt (status styrer", "taletid og overtalelse)"]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= LABEL_CHARS));
        assert_eq!(lines.join(" "), name, "nothing is dropped");
        assert_eq!(wrap("100.000\u{a0}kr.", LABEL_CHARS), ["100.000\u{a0}kr."]);
        assert_eq!(
            wrap("ca. 10\u{a0}% (som i Faxe)", 8),
            ["ca. 10\u{a0}%", "(som i", "Faxe)"]
        );
        assert_eq!(
            wrap("a verylongwordthatdoesnotfit", 10),
            ["a", "verylongwordthatdoesnotfit"]
        );
        assert!(row_height(3) > row_height(1));
        assert!((row_height(1) - ROW).abs() < 1e-12);
    }
}
