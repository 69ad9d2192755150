//! A collapsible data table under a chart.

use std::rc::Rc;

use yew::prelude::*;

use crate::export::Table;
use crate::i18n::Lang;

/// Props of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// Interface language (number format).
    pub lang: Lang,
    /// Caption of the table.
    pub caption: AttrValue,
    /// The numbers.
    pub table: Rc<Table>,
    /// Id of the table element, for tests and links.
    pub id: AttrValue,
}

/// A `<details>` with a plain table of the chart's numbers.
#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let lang = props.lang;
    html! {
        <details class="data-table">
            <summary>{ lang.t().show_table }</summary>
            // Scrolls sideways on a narrow screen, so it takes the keyboard focus too.
            <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption.clone()}>
                { table_html(lang, &props.table, &props.id, &props.caption, &[]) }
            </div>
        </details>
    }
}

/// A `<table>` of `table` with its caption: column headers, and each row's first cell as the
/// row's header; row `r` gets the class `row_classes[r]` where there is one.
pub fn table_html(
    lang: Lang,
    table: &Table,
    id: &str,
    caption: &str,
    row_classes: &[&'static str],
) -> Html {
    html! {
        <table id={id.to_string()}>
            <caption>{ caption.to_string() }</caption>
            <thead>
                <tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
            </thead>
            <tbody>
                { for table.rows.iter().enumerate().map(|(r, row)| html! {
                    <tr class={row_classes.get(r).copied()}>
                        { for row.iter().enumerate().map(|(k, cell)| if k == 0 {
                            html! { <th scope="row">{ cell.display(lang) }</th> }
                        } else {
                            html! { <td>{ cell.display(lang) }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
