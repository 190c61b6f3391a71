//! `earshot token create`: API tokens, scoped to one workspace with one role.

use std::process::ExitCode;

use anyhow::{Result, bail};
use earshot_store::TokenRole;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: TokenCommand,
}

#[derive(clap::Subcommand)]
pub enum TokenCommand {
    /// Create a token; it is printed once, on the last line of stdout, and stored only hashed.
    Create {
        #[arg(long, default_value = "earshot.db", env = "EARSHOT_DB")]
        db: String,
        #[arg(long)]
        workspace: String,
        /// admin, reviewer, viewer or ingest.
        #[arg(long, value_parser = ["admin", "reviewer", "viewer", "ingest"])]
        role: String,
        /// A label to recognise the token by.
        #[arg(long)]
        name: Option<String>,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        TokenCommand::Create {
            db,
            workspace,
            role,
            name,
        } => {
            if workspace.trim().is_empty() {
                bail!("--workspace must not be empty");
            }
            let Some(role) = TokenRole::parse(&role) else {
                bail!("unknown role {role:?}")
            };
            let mut store = earshot_store::open(&db)?;
            let token = store.create_token(&workspace, role, name.as_deref())?;
            println!(
                "created a {} token for workspace {workspace:?} in {}; keep it secret, it is not shown again:",
                role.as_str(),
                earshot_store::display_db(&db)
            );
            println!("{token}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
