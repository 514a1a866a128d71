//! Running the `dyad` binary in tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run of `dyad` gave.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `dyad ARGS` with `stdin` (if any) from the workspace root.
pub fn dyad(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(args)
        .current_dir(root())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("dyad starts");
    if let Some(text) = stdin {
        // dyad may exit before reading (a fatal argument error): a closed
        // pipe here is not the test's failure.
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    }
    let out = child.wait_with_output().expect("dyad runs");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The events of JSONL output.
pub fn events(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is a JSON event"))
        .collect()
}

/// Compares `actual` with the golden file at `path` (relative to the
/// workspace root); `DYAD_BLESS=1` rewrites the file instead.
pub fn assert_golden(path: &str, actual: &str) {
    let full = root().join(path);
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("{path}: {e} (run with DYAD_BLESS=1 to create it)"));
    if expected != actual {
        let mut report = String::new();
        for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
            if e != a {
                report = format!("first difference at line {}:\n- {e}\n+ {a}", i + 1);
                break;
            }
        }
        if report.is_empty() {
            report = format!(
                "{} lines expected, {} produced",
                expected.lines().count(),
                actual.lines().count()
            );
        }
        panic!("{path} differs from the output ({report}); if the change is intended, rerun with DYAD_BLESS=1 and review the diff");
    }
}
