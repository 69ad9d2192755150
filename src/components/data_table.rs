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
                <table id={props.id.clone()}>
                    <caption>{ props.caption.clone() }</caption>
                    <thead>
                        <tr>{ for props.table.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
                    </thead>
                    <tbody>
                        { for props.table.rows.iter().map(|row| html! {
                            <tr>
                                { for row.iter().enumerate().map(|(k, cell)| if k == 0 {
                                    html! { <th scope="row">{ cell.display(lang) }</th> }
                                } else {
                                    html! { <td>{ cell.display(lang) }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
