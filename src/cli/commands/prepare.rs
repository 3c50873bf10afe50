//! `route prepare`: a network loaded, checked, joined and measured once, written in the binary
//! form `--network` reads without doing that work again.

use std::fs;
use std::io::Write;

use anyhow::{Context, Result, anyhow};

use corridor::network::{LoadOptions, prepared};

use crate::cli::Status;
use crate::cli::args::{Global, PrepareArgs};
use crate::cli::config::read_network;
use crate::cli::hints;

pub fn run(g: &Global, args: &PrepareArgs, out: &mut impl Write) -> Result<Status> {
    let options = LoadOptions {
        default_mode: g.default_mode.map(Into::into),
        ..LoadOptions::default()
    };
    let (network, _) = read_network(&args.input, &options)?;
    let net = network.map_err(|e| anyhow!(hints::describe(&e)))?;
    let bytes = prepared::to_bytes(&net);
    // Written beside the target and renamed into place, so a failure leaves no half file.
    let tmp = args.output.with_extension("tmp-prepare");
    fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, &args.output)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    writeln!(
        out,
        "{}: {} nodes, {} legs, {} bytes",
        args.output.display(),
        net.nodes().len(),
        net.legs().len(),
        bytes.len()
    )?;
    Ok(Status::Ok)
}
