//! Writes a generated network for the scaling benchmarks (BENCHMARKS.md): a `side × side` grid
//! of points 0.05° apart, each joined to its east and north neighbours by a LineString with a
//! `mode` and no `from`/`to` (every seventh a sea leg), as someone else's network would come.
//!
//! ```text
//! cargo run --release --example gen_grid -- 708 > grid.geojson   # 1,001,112 legs, ~117 MB
//! ```

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let side: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(708);
    let out = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, out.lock());
    writeln!(w, r#"{{"type":"FeatureCollection","features":["#)?;
    let at = |i: u32| f64::from(i) * 0.05;
    let mut k: u64 = 0;
    let mut first = true;
    for y in 0..side {
        for x in 0..side {
            for (dx, dy) in [(1, 0), (0, 1)] {
                if x + dx >= side || y + dy >= side {
                    continue;
                }
                let mode = if k.is_multiple_of(7) { "sea" } else { "rail" };
                if !first {
                    writeln!(w, ",")?;
                }
                first = false;
                write!(
                    w,
                    r#"{{"type":"Feature","properties":{{"mode":"{mode}"}},"geometry":{{"type":"LineString","coordinates":[[{:.2},{:.2}],[{:.2},{:.2}]]}}}}"#,
                    at(x),
                    at(y),
                    at(x + dx),
                    at(y + dy)
                )?;
                k += 1;
            }
        }
    }
    writeln!(w, "\n]}}")?;
    eprintln!("{k} legs");
    w.flush()
}
