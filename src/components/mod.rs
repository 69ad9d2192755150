//! One component per file.

pub mod chart_frame;
pub mod compare;
pub mod compare_chart;
pub mod cost_chart;
pub mod cycles_chart;
pub mod data_table;
pub mod funnel;
pub mod group_chart;
pub mod guide;
pub mod guide_chart;
pub mod header;
pub mod meeting_view;
pub mod monte_carlo;
pub mod notice;
pub mod number_control;
pub mod pb_view;
pub mod persistence;
pub mod projects_chart;
pub mod ratio_chart;
pub mod results;
pub mod runner;
pub mod scenario_panel;
pub mod share_dialog;
pub mod sweep_chart;
pub mod sweep_view;
pub mod view_tabs;
