//! One component per file.

pub mod data_table;
pub mod funnel;
pub mod header;
pub mod ratio_chart;
pub mod results;
pub mod runner;
pub mod scenario_panel;
