//! `earshot rules`: check a rule pack and run its examples.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use earshot_engine::RulePack;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: RulesCommand,
}

#[derive(clap::Subcommand)]
pub enum RulesCommand {
    /// Run every rule's examples (the built-in pack when DIR is omitted); exit 1 on a failure.
    Test {
        /// The pack directory (with pack.toml).
        dir: Option<PathBuf>,
        /// Also list the examples that pass.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Validate a pack: every problem with its file, line and field; exit 1 when there is one.
    Check {
        /// The pack directory (with pack.toml).
        dir: Option<PathBuf>,
    },
}

fn load(dir: &Option<PathBuf>) -> Result<RulePack, String> {
    match dir {
        Some(d) => RulePack::load(d).map_err(|e| e.to_string()),
        None => Ok(RulePack::builtin()),
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        RulesCommand::Check { dir } => match load(&dir) {
            Ok(p) => {
                println!(
                    "{} {}: {} rules, ok",
                    p.name(),
                    p.version(),
                    p.rule_ids().len()
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(ExitCode::FAILURE)
            }
        },
        RulesCommand::Test { dir, verbose } => {
            let pack = match load(&dir) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(ExitCode::FAILURE);
                }
            };
            let report = pack.run_tests();
            for c in &report.cases {
                if !c.ok {
                    println!(
                        "FAIL {}:{} {} {} #{}\n     {}",
                        c.file, c.line, c.rule, c.kind, c.index, c.detail
                    );
                } else if verbose {
                    println!("ok   {} {} #{}", c.rule, c.kind, c.index);
                }
            }
            for r in &report.untested {
                println!("note {r}: no examples");
            }
            println!(
                "{} {}: {} examples, {} passed, {} failed",
                pack.name(),
                pack.version(),
                report.cases.len(),
                report.passed(),
                report.failed()
            );
            Ok(if report.failed() == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}
