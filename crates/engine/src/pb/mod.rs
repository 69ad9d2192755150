//! Participatory-budgeting rules and pabulib `.pb` input/output (being built).
