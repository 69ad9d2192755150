//! Chart data as tables and CSV (standard, and Danish Excel with `;` and decimal comma), and the
//! browser side of downloads: files, SVG and PNG of a chart.

use crate::format;
use crate::language::Lang;

/// One table cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Int(u64),
    /// A decimal with this many digits on screen (full precision in CSV).
    Num(f64, usize),
    /// A share 0 – 1, shown as a percentage (as a fraction in CSV).
    Share(f64),
    /// Whole DKK.
    Money(u64),
}

impl Cell {
    /// The cell as shown on screen.
    #[must_use]
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => format::int(lang, *n),
            Cell::Num(x, d) => format::dec(lang, *x, *d),
            Cell::Share(x) => format::percent(lang, *x, 1),
            Cell::Money(x) => format::money(lang, *x),
        }
    }

    fn csv(&self, dialect: Dialect) -> String {
        let number = |x: f64| {
            let text = if x.is_finite() {
                let t = format!("{x:.6}");
                let t = t.trim_end_matches('0').trim_end_matches('.');
                t.to_string()
            } else {
                String::new()
            };
            match dialect {
                Dialect::Standard => text,
                Dialect::DanishExcel => text.replace('.', ","),
            }
        };
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) | Cell::Money(n) => n.to_string(),
            Cell::Num(x, _) | Cell::Share(x) => number(*x),
        }
    }
}

/// A chart's numbers.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows; the first cell names the row.
    pub rows: Vec<Vec<Cell>>,
}

/// CSV flavour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 4180: `,` between fields, `.` as decimal mark.
    Standard,
    /// What Danish Excel opens directly: `;` between fields, `,` as decimal mark, UTF-8 BOM.
    DanishExcel,
}

/// The table as CSV (CRLF line ends; fields quoted when needed).
#[must_use]
pub fn csv(table: &Table, dialect: Dialect) -> String {
    let sep = match dialect {
        Dialect::Standard => ',',
        Dialect::DanishExcel => ';',
    };
    let mut out = String::new();
    if dialect == Dialect::DanishExcel {
        out.push('\u{feff}');
    }
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| dialoglab_engine::csv::field(c, sep))
            .collect::<Vec<_>>()
            .join(&sep.to_string())
    };
    out.push_str(&line(table.headers.clone()));
    out.push_str("\r\n");
    for row in &table.rows {
        out.push_str(&line(row.iter().map(|c| c.csv(dialect)).collect()));
        out.push_str("\r\n");
    }
    out
}

/// Styles inlined into exported SVG (the page's stylesheet does not travel with the file).
pub const SVG_STYLE: &str = "text{font-family:system-ui,sans-serif;font-size:12px;fill:#1b1b1b}\
.row-rule,.tick line{stroke:#d6d6d0}.tick line{stroke-dasharray:2 3}\
.tick.fair line{stroke:#1b1b1b;stroke-dasharray:none;stroke-width:1.4}.axis-label{fill:#555}\
.group-heading{font-weight:700}.tip{display:none}.narrow-label{display:none}";

/// `text` with the characters XML gives a meaning escaped.
#[must_use]
pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Height of the title line of an exported chart, in the chart's units.
const EXPORT_TITLE: f64 = 30.0;
/// Height of one line of legend or footer.
const EXPORT_LINE: f64 = 20.0;

/// A chart as a standalone SVG that says what it is without the page around it: its title on top,
/// the legend (each entry an icon's SVG markup and its label) under it, the chart (`chart`: a
/// complete `<svg>` element of `width` × `height`), and a footer line naming the scenario.
#[must_use]
pub fn framed_svg(
    chart: &str,
    (width, height): (f64, f64),
    title: &str,
    legend: &[(String, String)],
    footer: &str,
) -> String {
    use std::fmt::Write;
    let mut body = String::new();
    let _ = write!(
        body,
        "<text class=\"export-title\" x=\"8\" y=\"21\">{}</text>",
        xml_escape(title)
    );
    // Legend entries flow left to right and wrap (about 6.6 units per character at 12 px).
    let (mut x, mut y) = (8.0, EXPORT_TITLE);
    for (icon, label) in legend {
        let w = 40.0 + 6.6 * label.chars().count() as f64;
        if x > 8.0 && x + w > width {
            x = 8.0;
            y += EXPORT_LINE;
        }
        let _ = write!(
            body,
            "<g transform=\"translate({x:.1} {y:.1})\">{icon}<text x=\"38\" y=\"12\">{}</text></g>",
            xml_escape(label)
        );
        x += w;
    }
    if !legend.is_empty() {
        y += EXPORT_LINE;
    }
    let _ = write!(body, "<g transform=\"translate(0 {y:.1})\">{chart}</g>");
    let total = y + height + EXPORT_LINE + 8.0;
    let _ = write!(
        body,
        "<text class=\"export-footer\" x=\"8\" y=\"{:.1}\">{}</text>",
        total - 10.0,
        xml_escape(footer)
    );
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total:.0}\" viewBox=\"0 0 {width} {total:.0}\">\
         <style>{SVG_STYLE}.export-title{{font-size:16px;font-weight:700}}.export-footer{{font-size:11px;fill:#444}}</style>\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{body}</svg>"
    )
}

/// File name of the simulated vote's `.pb` download.
pub const SIMULATED_PB_FILE: &str = "dialoglab-simulated-vote.pb";
/// Media type of a `.pb` download.
pub const PB_MIME: &str = "text/plain;charset=utf-8";

/// The simulated vote of `scenario` as a pabulib `.pb` file (`selected` = the simulated outcome),
/// or `None` when the scenario cannot run.
#[must_use]
pub fn simulated_pb(scenario: &dialoglab_engine::Scenario) -> Option<String> {
    let (instance, profile) = dialoglab_engine::simulated_vote(scenario).ok()?;
    Some(dialoglab_engine::pb::pabulib::write(&instance, &profile))
}

/// Browser-only helpers (they compile natively but need a page to run).
pub mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    /// Offers `content` as a file download.
    pub fn download_text(filename: &str, mime: &str, content: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            && let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob)
        {
            download_url(filename, &url);
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// Clicks a temporary link to `href` with a download name.
    pub fn download_url(filename: &str, href: &str) {
        let document = gloo::utils::document();
        if let Ok(a) = document.create_element("a") {
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(href);
            a.set_download(filename);
            let _ = gloo::utils::body().append_child(&a);
            a.click();
            a.remove();
        }
    }

    /// The chart `<svg>` with this id as a standalone SVG document with inlined styles.
    #[must_use]
    pub fn svg_text(id: &str, footer: &str) -> Option<String> {
        let svg = gloo::utils::document().get_element_by_id(id)?;
        let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.unchecked_into();
        copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")
            .ok()?;
        let view = copy.get_attribute("viewBox").unwrap_or_default();
        let size: Vec<f64> = view
            .split_whitespace()
            .filter_map(|v| v.parse().ok())
            .collect();
        let [_, _, width, height] = size[..] else {
            return None;
        };
        let _ = copy.set_attribute("width", &width.to_string());
        let _ = copy.set_attribute("height", &height.to_string());
        let serializer = web_sys::XmlSerializer::new().ok()?;
        let text = serializer.serialize_to_string(&copy).ok()?;
        // Title and legend from the chart's figure (the SVG's parent).
        let figure = svg.parent_element();
        let title = figure
            .as_ref()
            .and_then(|f| f.query_selector("figcaption").ok().flatten())
            .and_then(|c| c.text_content())
            .unwrap_or_default();
        let mut legend = Vec::new();
        if let Some(items) = figure.and_then(|f| f.query_selector_all(".legend li").ok()) {
            for k in 0..items.length() {
                let Some(li) = items.item(k) else { continue };
                let li: web_sys::Element = li.unchecked_into();
                let icon = li
                    .query_selector("svg")
                    .ok()
                    .flatten()
                    .and_then(|s| serializer.serialize_to_string(&s).ok())
                    .unwrap_or_default();
                legend.push((
                    icon,
                    li.text_content().unwrap_or_default().trim().to_string(),
                ));
            }
        }
        Some(super::framed_svg(
            &text,
            (width, height),
            title.trim(),
            &legend,
            footer,
        ))
    }

    /// Draws the SVG on a canvas at twice its size and downloads it as PNG.
    pub fn download_png(id: &str, filename: &str, footer: &str) {
        let Some(svg) = svg_text(id, footer) else {
            return;
        };
        let Ok(image) = web_sys::HtmlImageElement::new() else {
            return;
        };
        let img = image.clone();
        let name = filename.to_string();
        let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
            let document = gloo::utils::document();
            let Ok(canvas) = document.create_element("canvas") else {
                return;
            };
            let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
            let (w, h) = (img.natural_width() * 2, img.natural_height() * 2);
            canvas.set_width(w);
            canvas.set_height(h);
            if let Ok(Some(ctx)) = canvas.get_context("2d") {
                let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
                let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                    &img,
                    0.0,
                    0.0,
                    f64::from(w),
                    f64::from(h),
                );
                if let Ok(url) = canvas.to_data_url_with_type("image/png") {
                    download_url(&name, &url);
                }
            }
        });
        image.set_onload(Some(onload.unchecked_ref()));
        let encoded = String::from(js_sys::encode_uri_component(&svg));
        image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exported_chart_carries_its_title_legend_and_scenario() {
        let chart = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"300\"><circle r=\"3\"/></svg>";
        let legend = vec![
            (
                "<svg width=\"16\" height=\"16\"><circle r=\"5\"/></svg>".to_string(),
                "A (fastgjort)".to_string(),
            ),
            (String::new(), "B & C".to_string()),
        ];
        let out = framed_svg(
            chart,
            (640.0, 300.0),
            "Hvem mødte op: A og B",
            &legend,
            "Dialoglab · Faxe <ændret>",
        );
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(out.contains(">Hvem mødte op: A og B</text>"));
        assert!(out.contains(">A (fastgjort)</text>") && out.contains(">B &amp; C</text>"));
        assert!(out.contains("Faxe &lt;ændret&gt;"), "text is escaped");
        assert!(out.contains(chart), "the chart itself is inside");
        // Title, one legend line, the chart and the footer: taller than the chart alone.
        let height: f64 = out
            .split("height=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
            .and_then(|h| h.parse().ok())
            .unwrap();
        assert!(height >= 300.0 + 30.0 + 20.0 + 20.0, "{height}");
        assert_eq!(out.matches("<svg").count(), 3, "outer, chart, one icon");
    }

    fn table() -> Table {
        Table {
            headers: vec!["Gruppe".into(), "Andel".into(), "Antal".into()],
            rows: vec![
                vec![
                    Cell::Text("Kvinder; over 67".into()),
                    Cell::Share(0.125),
                    Cell::Int(1234),
                ],
                vec![
                    Cell::Text("Say \"hi\"".into()),
                    Cell::Num(1.5, 2),
                    Cell::Money(250_000),
                ],
            ],
        }
    }

    #[test]
    fn standard_csv_uses_commas_and_points() {
        let text = csv(&table(), Dialect::Standard);
        assert_eq!(
            text,
            "Gruppe,Andel,Antal\r\nKvinder; over 67,0.125,1234\r\n\"Say \"\"hi\"\"\",1.5,250000\r\n"
        );
    }

    #[test]
    fn danish_excel_csv_uses_semicolons_and_decimal_commas() {
        let text = csv(&table(), Dialect::DanishExcel);
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Gruppe;Andel;Antal");
        assert_eq!(lines[1], "\"Kvinder; over 67\";0,125;1234");
        assert_eq!(lines[2], "\"Say \"\"hi\"\"\";1,5;250000");
    }

    #[test]
    fn cells_display_in_the_locale() {
        assert_eq!(Cell::Share(0.125).display(Lang::Da), "12,5\u{a0}%");
        assert_eq!(Cell::Money(1500).display(Lang::En), "DKK\u{a0}1,500");
        assert_eq!(Cell::Num(0.5, 3).display(Lang::Da), "0,500");
    }
}
