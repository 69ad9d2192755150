//! The frame every chart shares: heading, SVG with `<title>`/`<desc>`, a hover-and-focus tooltip,
//! the summary sentence, the collapsible data table and the export buttons (CSV, Danish-Excel
//! CSV, SVG, PNG). Marks inside register with the tooltip through [`Mark`].

use std::rc::Rc;

use yew::prelude::*;

use crate::components::data_table::DataTable;
use crate::export::{self, Dialect, Table};
use crate::i18n::Lang;

/// A tooltip at a point of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    /// X in SVG units.
    pub x: f64,
    /// Y in SVG units.
    pub y: f64,
    /// Text.
    pub text: String,
}

/// Where a tooltip box goes: above the point, kept inside `[0, width]`; returns (x, y, w).
#[must_use]
pub fn tip_box(tip: &Tip, width: f64) -> (f64, f64, f64) {
    let w = 12.0 + 6.6 * tip.text.chars().count() as f64;
    let x = (tip.x - w / 2.0).clamp(0.0, (width - w).max(0.0));
    let y = if tip.y > 30.0 {
        tip.y - 30.0
    } else {
        tip.y + 12.0
    };
    (x, y, w)
}

/// The click handler of a CSV export button: downloads `table` as `dialoglab-{id}.csv`
/// (`dialoglab-{id}-da.csv` in the Danish-Excel dialect).
#[must_use]
pub fn csv_download(id: &str, table: Rc<Table>, dialect: Dialect) -> Callback<MouseEvent> {
    let name = match dialect {
        Dialect::Standard => format!("dialoglab-{id}.csv"),
        Dialect::DanishExcel => format!("dialoglab-{id}-da.csv"),
    };
    Callback::from(move |_: MouseEvent| {
        export::browser::download_text(
            &name,
            "text/csv;charset=utf-8",
            &export::csv(&table, dialect),
        );
    })
}

/// Props of [`ChartFrame`].
#[derive(Properties, PartialEq)]
pub struct ChartFrameProps {
    /// Id of the figure; the SVG is `{id}-svg`, the table `{id}-table`.
    pub id: AttrValue,
    /// Interface language.
    pub lang: Lang,
    /// Heading and SVG title.
    pub title: AttrValue,
    /// The finding in words (SVG `<desc>` and the visible summary).
    pub desc: AttrValue,
    /// SVG width in its units.
    pub width: f64,
    /// SVG height in its units.
    pub height: f64,
    /// The chart's numbers.
    pub table: Rc<Table>,
    /// A legend above the chart.
    #[prop_or_default]
    pub legend: Html,
    /// SVG content.
    #[prop_or_default]
    pub children: Html,
}

/// Sets or clears the chart's tooltip.
pub type TipSetter = Callback<Option<Tip>>;

/// A chart with its tooltip, summary, table and exports.
#[component]
pub fn ChartFrame(props: &ChartFrameProps) -> Html {
    let t = props.lang.t();
    let tip = use_state(|| None::<Tip>);
    let setter: TipSetter = {
        let tip = tip.clone();
        Callback::from(move |v| tip.set(v))
    };
    let id = props.id.to_string();
    let svg_id = format!("{id}-svg");
    let export_csv = |dialect: Dialect| csv_download(&id, props.table.clone(), dialect);
    // An exported chart names the scenario it shows (in both bundles the app state is in context).
    let footer = use_context::<crate::context::AppContext>()
        .map(|app| {
            props
                .lang
                .scenario_line(&app.preset, &app.scenario, app.departs_from_preset())
        })
        .unwrap_or_default();
    let export_svg = {
        let (svg_id, name, footer) = (
            svg_id.clone(),
            format!("dialoglab-{id}.svg"),
            footer.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = export::browser::svg_text(&svg_id, &footer) {
                export::browser::download_text(&name, "image/svg+xml", &text);
            }
        })
    };
    let export_png = {
        let (svg_id, name) = (svg_id.clone(), format!("dialoglab-{id}.png"));
        Callback::from(move |_: MouseEvent| export::browser::download_png(&svg_id, &name, &footer))
    };
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let tip_layer = (*tip).as_ref().map(|tp| {
        let (x, y, w) = tip_box(tp, props.width);
        html! {
            <g class="tip" aria-hidden="true" pointer-events="none">
                <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{w:.1}")} height="22" rx="3" />
                <text x={format!("{:.1}", x + 6.0)} y={format!("{:.1}", y + 15.0)}>{ tp.text.clone() }</text>
            </g>
        }
    });
    html! {
        <figure class="chart" id={id.clone()}>
            <figcaption><h3>{ props.title.clone() }</h3></figcaption>
            { props.legend.clone() }
            <svg id={svg_id} viewBox={format!("0 0 {} {:.0}", props.width, props.height)} role="group"
                aria-labelledby={title_id.clone()} aria-describedby={desc_id.clone()}
                onmouseleave={ { let s = setter.clone(); Callback::from(move |_: MouseEvent| s.emit(None)) } }>
                <title id={title_id}>{ props.title.clone() }</title>
                <desc id={desc_id}>{ props.desc.clone() }</desc>
                <ContextProvider<TipSetter> context={setter}>
                    { props.children.clone() }
                </ContextProvider<TipSetter>>
                { tip_layer }
            </svg>
            <p class="chart-summary">{ props.desc.clone() }</p>
            <div class="chart-tools">
                <DataTable lang={props.lang} caption={props.title.clone()} id={format!("{id}-table")} table={props.table.clone()} />
                <div class="exports" role="group" aria-label={format!("{} – {}", t.export_label, props.title)}>
                    <span class="exports-label" aria-hidden="true">{ t.export_label }</span>
                    <button type="button" class="export-csv" onclick={export_csv(Dialect::Standard)}>{ t.export_csv }</button>
                    <button type="button" class="export-csv-da" onclick={export_csv(Dialect::DanishExcel)}>{ t.export_csv_da }</button>
                    <button type="button" class="export-svg" onclick={export_svg}>{ t.export_svg }</button>
                    <button type="button" class="export-png" onclick={export_png}>{ t.export_png }</button>
                </div>
            </div>
        </figure>
    }
}

/// Props of [`Mark`].
#[derive(Properties, PartialEq)]
pub struct MarkProps {
    /// What the mark shows, in words (accessible name and tooltip).
    pub label: AttrValue,
    /// Tooltip anchor x.
    pub x: f64,
    /// Tooltip anchor y.
    pub y: f64,
    /// Extra class.
    #[prop_or_default]
    pub class: Classes,
    /// The shapes.
    #[prop_or_default]
    pub children: Html,
}

/// A focusable data mark that shows its tooltip on hover and focus.
#[component]
pub fn Mark(props: &MarkProps) -> Html {
    let setter = use_context::<TipSetter>();
    let show = {
        let (setter, tip) = (
            setter.clone(),
            Tip {
                x: props.x,
                y: props.y,
                text: props.label.to_string(),
            },
        );
        move || {
            if let Some(s) = &setter {
                s.emit(Some(tip.clone()));
            }
        }
    };
    let hide = {
        let setter = setter.clone();
        move || {
            if let Some(s) = &setter {
                s.emit(None);
            }
        }
    };
    let (s1, s2, h1) = (show.clone(), show, hide);
    html! {
        <g class={classes!("mark", props.class.clone())} tabindex="0" role="img" aria-label={props.label.clone()}
            onmouseenter={Callback::from(move |_: MouseEvent| s1())}
            onfocus={Callback::from(move |_: FocusEvent| s2())}
            onblur={Callback::from(move |_: FocusEvent| h1())}>
            { props.children.clone() }
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tooltips_stay_inside_the_chart() {
        let tip = |x, y| Tip {
            x,
            y,
            text: "Kvinder – Deltagere: 1,23".into(),
        };
        let (x, y, w) = tip_box(&tip(630.0, 100.0), 640.0);
        assert!(x + w <= 640.0 + 1e-9 && x >= 0.0);
        assert!((y - 70.0).abs() < 1e-9);
        let (x, y, _) = tip_box(&tip(2.0, 10.0), 640.0);
        assert!(x.abs() < 1e-9 && y > 10.0);
    }
}
