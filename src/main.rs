//! `route`: the command-line face of the `corridor` library. It parses the arguments into one
//! validated configuration, calls the library and writes the result; all logic lives in the
//! library.

#![forbid(unsafe_code)]

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::Status;
use cli::args::{Cli, Command};
use cli::commands;
use cli::config::Config;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Output is rendered into memory first, so an error never leaves half a document on stdout.
    let mut out = Vec::new();
    let status = match run(&cli, &mut out) {
        // `Ok` means the output is complete (possibly a report of what failed).
        Ok(status) => {
            if let Err(e) = io::stdout()
                .lock()
                .write_all(&out)
                .and_then(|()| io::stdout().flush())
                && e.kind() != io::ErrorKind::BrokenPipe
            {
                eprintln!("route: error: writing output: {e}");
                return ExitCode::from(Status::Error as u8);
            }
            status
        }
        Err(e) => {
            eprintln!("route: error: {}", cli::hints::message(&e));
            let no_route = e.chain().any(|c| {
                c.downcast_ref::<corridor::Error>()
                    .is_some_and(corridor::Error::is_no_route)
            });
            if no_route {
                Status::NoRoute
            } else {
                Status::Error
            }
        }
    };
    ExitCode::from(status as u8)
}

/// The width tables are laid out for: `--width`, else the terminal's when stdout is one, else
/// 100 columns (a file or a pipe gets the same bytes on every machine).
fn table_width(asked: Option<u16>) -> u16 {
    use std::io::IsTerminal;
    asked
        .or_else(|| {
            io::stdout()
                .is_terminal()
                .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
                .flatten()
        })
        .unwrap_or(corridor::render::table::WIDTH)
}

/// The arguments as given, without the program path, quoted where a shell would need it.
fn command_line() -> String {
    std::env::args()
        .skip(1)
        .map(|a| {
            let plain = !a.is_empty()
                && a.chars()
                    .all(|c| c.is_alphanumeric() || "-_.,:=/+@%".contains(c));
            if plain {
                a
            } else {
                format!("'{}'", a.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Loads the configuration and runs the command, rendering into `out`. `Ok(Status::Error)`
/// means "write the output, then fail" (a validation report that found problems).
fn run(cli: &Cli, out: &mut Vec<u8>) -> anyhow::Result<Status> {
    corridor::render::table::set_layout(table_width(cli.global.width), false);
    // Generated from the argument definitions alone: no data to load.
    match &cli.command {
        Command::Completions(args) => return commands::help::completions(args.shell, out),
        Command::Man => return commands::help::man(out),
        _ => {}
    }
    let config = Config::load(&cli.global, command_line())?;
    let status = match &cli.command {
        Command::Compare(args) => commands::compare::run(&config, args, out),
        Command::Find(args) => commands::find::run(&config, args, out),
        Command::Matrix(args) => commands::matrix::run(&config, args, out),
        Command::Reach(args) => commands::reach::run(&config, args, out),
        Command::Sensitivity(args) => commands::sensitivity::run(&config, args, out),
        Command::Breakeven(args) => commands::breakeven::run(&config, args, out),
        Command::List(args) => commands::list::run(&config, args, out),
        Command::Validate => commands::validate::run(&config, out),
        // Answered above, before loading.
        Command::Completions(_) | Command::Man => Ok(Status::Ok),
        Command::Export(args) => commands::export::run(&config, args, out),
        Command::Assumptions(args) => commands::assumptions::run(&config, args, out),
        Command::Profiles(args) => commands::profiles::run(&config, args, out),
        Command::Scenarios(args) => commands::scenarios::run(&config, args, out),
        Command::Backtest(args) => commands::backtest::run(&config, args, out),
        Command::Prepare(args) => commands::prepare::run(&cli.global, args, out),
    };
    // The process ends next: freeing thousands of small allocations one by one would be a
    // measurable part of `route compare`'s run time (BENCHMARKS.md).
    std::mem::forget(config);
    status
}
