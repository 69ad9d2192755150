//! Runs the built `dialoglab` binary for the command-line test files.
#![allow(dead_code, reason = "each test file uses the helpers it needs")]

use std::process::Command;

/// Runs `dialoglab ARGS`: exit code (none when killed by a signal), stdout, stderr.
pub fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dialoglab"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `dialoglab ARGS`: whether it succeeded, stdout, stderr.
pub fn dialoglab(args: &[&str]) -> (bool, String, String) {
    let (code, out, err) = run(args);
    (code == Some(0), out, err)
}
