//! The funnel: population → invited → attendees, as horizontal bars with a text alternative.

use yew::prelude::*;

use std::rc::Rc;

use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::Lang;

/// Props of [`Funnel`].
#[derive(Properties, PartialEq)]
pub struct FunnelProps {
    /// Interface language.
    pub lang: Lang,
    /// Stages as (name, count): population, invited, attendees, then any later stages.
    pub stages: Vec<(AttrValue, u32)>,
}

const WIDTH: f64 = 640.0;
const LABEL: f64 = 130.0;
const ROW: f64 = 34.0;

/// Bar widths for counts relative to the first (the population); at least 2 px when non-zero.
#[must_use]
pub fn bar_widths(counts: &[u32], span: f64) -> Vec<f64> {
    let total = f64::from(counts.first().copied().unwrap_or(0).max(1));
    counts
        .iter()
        .map(|&c| {
            if c == 0 {
                0.0
            } else {
                (f64::from(c) / total * span).max(2.0)
            }
        })
        .collect()
}

/// The funnel chart.
#[component]
pub fn Funnel(props: &FunnelProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let counts: Vec<u32> = props.stages.iter().map(|s| s.1).collect();
    let widths = bar_widths(&counts, WIDTH - LABEL - 150.0);
    let population = counts.first().copied().unwrap_or(0);
    let desc = lang.funnel_desc(
        population,
        counts.get(1).copied().unwrap_or(0),
        counts.get(2).copied().unwrap_or(0),
    );
    let colours = [
        palette::GREY,
        palette::ORANGE,
        palette::BLUE,
        palette::GREEN,
        palette::PURPLE,
    ];
    let height = ROW * props.stages.len() as f64 + 10.0;
    let share_of = |c: u32| f64::from(c) / f64::from(population.max(1));
    let share = |c: u32| format::percent(lang, share_of(c), 1);
    let table = Rc::new(Table {
        headers: vec![t.col_stage.into(), t.col_count.into(), t.col_share.into()],
        rows: props
            .stages
            .iter()
            .map(|(name, c)| {
                vec![
                    Cell::Text(name.to_string()),
                    Cell::Int((*c).into()),
                    Cell::Share(share_of(*c)),
                ]
            })
            .collect(),
    });
    html! {
        <ChartFrame id="funnel" {lang} title={t.funnel_title} desc={desc} width={WIDTH} {height} {table}>
            { for props.stages.iter().zip(&widths).enumerate().map(|(k, ((name, c), w))| {
                let y = 5.0 + ROW * k as f64;
                let label = format!("{name}: {} ({})", format::int(lang, (*c).into()), share(*c));
                html! {
                    <Mark class="bar" label={label} x={LABEL + w / 2.0} y={y + 4.0}>
                        <text x={(LABEL - 8.0).to_string()} y={(y + ROW / 2.0).to_string()} text-anchor="end" dominant-baseline="middle">{ name.clone() }</text>
                        <rect x={LABEL.to_string()} y={(y + 4.0).to_string()} width={format!("{w:.1}")} height={(ROW - 8.0).to_string()}
                            fill={colours[k % colours.len()]} />
                        <text x={format!("{:.1}", LABEL + w + 6.0)} y={(y + ROW / 2.0).to_string()} dominant-baseline="middle" class="count">
                            { format!("{} · {}", format::int(lang, (*c).into()), share(*c)) }
                        </text>
                    </Mark>
                }
            }) }
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_summary_names_the_attendees_not_the_last_stage() {
        let stages: Vec<(AttrValue, u32)> = vec![
            ("P".into(), 29_500),
            ("I".into(), 5_000),
            ("A".into(), 44),
            ("S".into(), 42),
            ("V".into(), 3_007),
        ];
        let html = yew::LocalServerRenderer::<Funnel>::with_props(FunnelProps {
            lang: Lang::En,
            stages,
        })
        .render()
        .await;
        assert!(html.contains("and 44 attended"), "{html}");
        assert_eq!(html.matches("class=\"mark bar\"").count(), 5);
    }

    #[test]
    fn widths_are_proportional_with_a_visible_minimum() {
        let w = bar_widths(&[1000, 500, 1, 0], 400.0);
        assert!((w[0] - 400.0).abs() < 1e-9);
        assert!((w[1] - 200.0).abs() < 1e-9);
        assert!((w[2] - 2.0).abs() < 1e-9);
        assert!(w[3].abs() < 1e-9);
    }
}
