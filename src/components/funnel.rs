//! The funnel: population → invited → attendees, as horizontal bars with a text alternative.

use yew::prelude::*;

use crate::charts::palette;
use crate::components::data_table::DataTable;
use crate::format;
use crate::i18n::Lang;

/// Props of [`Funnel`].
#[derive(Properties, PartialEq)]
pub struct FunnelProps {
    /// Interface language.
    pub lang: Lang,
    /// Stages as (name, count), the population first.
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
        counts.last().copied().unwrap_or(0),
    );
    let colours = [
        palette::GREY,
        palette::ORANGE,
        palette::BLUE,
        palette::GREEN,
        palette::PURPLE,
    ];
    let height = ROW * props.stages.len() as f64 + 10.0;
    let share = |c: u32| format::percent(lang, f64::from(c) / f64::from(population.max(1)), 1);
    let rows: Vec<Vec<String>> = props
        .stages
        .iter()
        .map(|(name, c)| vec![name.to_string(), format::int(lang, (*c).into()), share(*c)])
        .collect();
    html! {
        <figure class="chart" id="funnel">
            <figcaption><h3>{ t.funnel_title }</h3></figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="funnel-title funnel-desc">
                <title id="funnel-title">{ t.funnel_title }</title>
                <desc id="funnel-desc">{ desc.clone() }</desc>
                { for props.stages.iter().zip(&widths).enumerate().map(|(k, ((name, c), w))| {
                    let y = 5.0 + ROW * k as f64;
                    let label = format!("{name}: {} ({})", format::int(lang, (*c).into()), share(*c));
                    html! {
                        <g class="bar" tabindex="0" aria-label={label.clone()}>
                            <title>{ label }</title>
                            <text x={(LABEL - 8.0).to_string()} y={(y + ROW / 2.0).to_string()} text-anchor="end" dominant-baseline="middle">{ name.clone() }</text>
                            <rect x={LABEL.to_string()} y={(y + 4.0).to_string()} width={format!("{w:.1}")} height={(ROW - 8.0).to_string()}
                                fill={colours[k % colours.len()]} />
                            <text x={format!("{:.1}", LABEL + w + 6.0)} y={(y + ROW / 2.0).to_string()} dominant-baseline="middle" class="count">
                                { format!("{} · {}", format::int(lang, (*c).into()), share(*c)) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <p class="chart-summary">{ desc }</p>
            <DataTable summary={t.show_table} caption={t.funnel_title} id={Some(AttrValue::from("funnel-table"))}
                headers={vec![AttrValue::from(t.col_stage), t.col_count.into(), t.col_share.into()]} {rows} />
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::bar_widths;

    #[test]
    fn widths_are_proportional_with_a_visible_minimum() {
        let w = bar_widths(&[1000, 500, 1, 0], 400.0);
        assert!((w[0] - 400.0).abs() < 1e-9);
        assert!((w[1] - 200.0).abs() < 1e-9);
        assert!((w[2] - 2.0).abs() < 1e-9);
        assert!(w[3].abs() < 1e-9);
    }
}
