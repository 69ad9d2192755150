//! Benchmarks of the PB rules (being built).
fn main() {}
