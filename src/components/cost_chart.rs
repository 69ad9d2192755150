//! What the invitation costs: letters and staff hours as bars, with the cost per attendee.

use std::rc::Rc;

use dialoglab_engine::{Report, Scenario};
use yew::prelude::*;

use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::components::funnel::bar_widths;
use crate::export::{Cell, Table};
use crate::format;
use crate::i18n::Lang;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 150.0;
const ROW: f64 = 34.0;

/// The cost parts in DKK: (letters, staff hours), from the report's counts and the scenario's
/// unit prices.
#[must_use]
pub fn parts(scenario: &Scenario, report: &Report) -> (u64, u64) {
    let letters = u64::from(report.cost.letters) * u64::from(scenario.costs.letter_dkk);
    let staff = (report.cost.staff_hours * f64::from(scenario.costs.staff_hour_dkk)).round() as u64;
    (letters, staff)
}

/// Props of [`CostChart`].
#[derive(Properties, PartialEq)]
pub struct CostChartProps {
    /// Interface language.
    pub lang: Lang,
    /// The run drawn.
    pub run: Rc<(Scenario, Report)>,
}

/// The cost chart.
#[component]
pub fn CostChart(props: &CostChartProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let (scenario, report) = (&props.run.0, &props.run.1);
    let (letters, staff) = parts(scenario, report);
    let total = report.cost.dkk;
    let desc = lang.cost_desc(total, letters, staff, report.cost.dkk_per_attendee);
    let bars = [
        (t.cost_letters, letters, palette::ORANGE, ""),
        (t.cost_staff, staff, palette::BLUE, "6 3"),
    ];
    let widths = bar_widths(
        &[
            total.max(letters + staff) as u32,
            letters as u32,
            staff as u32,
        ],
        WIDTH - LABEL - 170.0,
    );
    let mut rows = vec![
        vec![
            Cell::Text(t.cost_letters.into()),
            Cell::Int(report.cost.letters.into()),
            Cell::Money(letters),
        ],
        vec![
            Cell::Text(t.cost_staff.into()),
            Cell::Num(report.cost.staff_hours, 1),
            Cell::Money(staff),
        ],
        vec![
            Cell::Text(t.cost_label.into()),
            Cell::Text(String::new()),
            Cell::Money(total),
        ],
    ];
    if let Some(per) = report.cost.dkk_per_attendee {
        rows.push(vec![
            Cell::Text(t.cost_per_attendee.into()),
            Cell::Text(String::new()),
            Cell::Money(per.round() as u64),
        ]);
    }
    let table = Rc::new(Table {
        headers: vec![
            t.col_group.into(),
            t.col_quantity.into(),
            t.col_amount.into(),
        ],
        rows,
    });
    html! {
        <ChartFrame id="cost-chart" {lang} title={t.cost_title} desc={desc} width={WIDTH} height={ROW * 2.0 + 10.0} {table}>
            { for bars.iter().zip(widths.iter().skip(1)).enumerate().map(|(k, ((name, dkk, colour, dash), w))| {
                let y = 5.0 + ROW * k as f64;
                let label = format!("{name}: {}", format::money(lang, *dkk));
                html! {
                    <Mark class="bar" {label} x={LABEL + w / 2.0} y={y + 4.0}>
                        <text x={(LABEL - 8.0).to_string()} y={(y + ROW / 2.0).to_string()} text-anchor="end" dominant-baseline="middle">{ *name }</text>
                        <rect x={LABEL.to_string()} y={(y + 4.0).to_string()} width={format!("{w:.1}")} height={(ROW - 8.0).to_string()}
                            fill={*colour} stroke="#000" stroke-width="1" stroke-dasharray={*dash} />
                        <text x={format!("{:.1}", LABEL + w + 6.0)} y={(y + ROW / 2.0).to_string()} dominant-baseline="middle" class="count">
                            { format::money(lang, *dkk) }
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

    #[test]
    fn the_parts_add_up_to_the_reported_cost() {
        for strategy in dialoglab_engine::Strategy::ALL {
            let mut s = Scenario::default();
            s.invitation.strategy = strategy;
            let r = dialoglab_engine::run(&s).unwrap();
            let (letters, staff) = parts(&s, &r);
            assert!(
                (letters + staff).abs_diff(r.cost.dkk) <= 1,
                "{strategy:?}: {letters} + {staff} vs {}",
                r.cost.dkk
            );
        }
    }
}
