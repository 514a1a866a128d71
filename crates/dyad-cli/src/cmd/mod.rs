//! One module per subcommand family.

pub mod actors;
pub mod bench;
pub mod code;
pub mod eval;
pub mod explain;
pub mod lexicon;
pub mod serve;
pub mod store;
pub mod syntax;
pub mod time;
pub mod verbs;

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;

/// A model, the size of its file and how long loading it took.
#[derive(Debug)]
pub struct TimedLoad<T: Clone + 'static> {
    /// The model read from the file named on the command line, or the
    /// shipped one.
    pub model: Cow<'static, T>,
    pub bytes: usize,
    /// CPU time of the loading thread (wall time where the platform has none).
    pub ms: f64,
    pub wall_ms: f64,
}

/// Loads the model at `path` with `read`, or the shipped one (`shipped`,
/// whose file is `shipped_bytes` long), timing the load.
pub fn load_model<T: Clone>(
    path: Option<&Path>,
    read: impl FnOnce(&[u8]) -> Result<T, dyad_nlp::Error>,
    shipped: impl FnOnce() -> Result<&'static T, &'static dyad_nlp::Error>,
    shipped_bytes: usize,
) -> anyhow::Result<TimedLoad<T>> {
    let clock = Clock::start();
    let (model, bytes) = match path {
        Some(p) => {
            let raw = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            let model = read(&raw).with_context(|| format!("reading {}", p.display()))?;
            (Cow::Owned(model), raw.len())
        }
        None => (
            Cow::Borrowed(
                shipped().map_err(|e| anyhow::anyhow!("loading the shipped model: {e}"))?,
            ),
            shipped_bytes,
        ),
    };
    let (cpu, wall) = clock.seconds();
    Ok(TimedLoad {
        model,
        bytes,
        ms: cpu * 1000.0,
        wall_ms: wall * 1000.0,
    })
}

/// CPU time of this thread and wall time since a start.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    cpu: Option<Duration>,
    wall: Instant,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            cpu: dyad_nlp::eval::thread_cpu_time(),
            wall: Instant::now(),
        }
    }

    /// Seconds since the start: (CPU time of this thread, or the wall time
    /// where the platform has none; wall time).
    pub fn seconds(&self) -> (f64, f64) {
        let wall = self.wall.elapsed().as_secs_f64();
        let cpu = match (self.cpu, dyad_nlp::eval::thread_cpu_time()) {
            (Some(a), Some(b)) => (b - a).as_secs_f64(),
            _ => wall,
        };
        (cpu, wall)
    }
}

/// Prints an evaluation: one line of JSON, or the committed report (its
/// `header` of comments, then the JSON indented).
pub fn print_scores(json: &serde_json::Value, one_line: bool, header: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if one_line {
        writeln!(out, "{json}")?;
    } else {
        writeln!(out, "{header}")?;
        writeln!(out, "{}", serde_json::to_string_pretty(json)?)?;
    }
    Ok(())
}

/// Opens a file for reading, through gzip when its name ends in `.gz`.
pub fn open_text(path: &Path) -> anyhow::Result<Box<dyn std::io::BufRead>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    Ok(if path.extension().is_some_and(|e| e == "gz") {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(
            file,
        )))
    } else {
        Box::new(std::io::BufReader::new(file))
    })
}

/// Writes a trained model's bytes to `out` and logs it (`[  12.3s] wrote
/// … (N bytes; sizes)`, the time since `start`).
pub fn write_model(out: &Path, bytes: &[u8], sizes: &str, start: Instant) -> anyhow::Result<()> {
    std::fs::write(out, bytes).with_context(|| format!("writing {}", out.display()))?;
    let sizes = if sizes.is_empty() {
        String::new()
    } else {
        format!("; {sizes}")
    };
    eprintln!(
        "[{:>6.1}s] wrote {} ({} bytes{sizes})",
        start.elapsed().as_secs_f64(),
        out.display(),
        bytes.len()
    );
    Ok(())
}

impl<T: Clone> TimedLoad<T> {
    /// Adds `model_load_ms`, `model_load_ms_wall` and `model_bytes` to a
    /// JSON object of scores.
    pub fn add_to(&self, scores: &mut serde_json::Value) {
        if let Some(map) = scores.as_object_mut() {
            map.insert(
                "model_load_ms".into(),
                ((self.ms * 10.0).round() / 10.0).into(),
            );
            map.insert(
                "model_load_ms_wall".into(),
                ((self.wall_ms * 10.0).round() / 10.0).into(),
            );
            map.insert("model_bytes".into(), self.bytes.into());
        }
    }
}
