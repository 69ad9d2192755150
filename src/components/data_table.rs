//! A collapsible data table under a chart.

use yew::prelude::*;

/// Props of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// Text of the disclosure summary.
    pub summary: AttrValue,
    /// Caption of the table.
    pub caption: AttrValue,
    /// Column headers.
    pub headers: Vec<AttrValue>,
    /// Rows of cells (first cell is a row header).
    pub rows: Vec<Vec<String>>,
    /// Id of the table element, for tests and links.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A `<details>` with a plain table of the chart's numbers.
#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    html! {
        <details class="data-table">
            <summary>{ props.summary.clone() }</summary>
            <table id={props.id.clone()}>
                <caption>{ props.caption.clone() }</caption>
                <thead>
                    <tr>{ for props.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(k, cell)| if k == 0 {
                                html! { <th scope="row">{ cell.clone() }</th> }
                            } else {
                                html! { <td>{ cell.clone() }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}
