//! `earshot user create`: people who log in to the dashboard, with a role in a workspace.

use std::process::ExitCode;

use anyhow::{Result, bail};
use earshot_store::TokenRole;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: UserCommand,
}

#[derive(clap::Subcommand)]
pub enum UserCommand {
    /// Create a person, or set their password, and grant them a role in a workspace. Run it
    /// again with another workspace to grant more; the password is stored only as an argon2
    /// hash.
    Create {
        #[arg(long, default_value = "earshot.db", env = "EARSHOT_DB")]
        db: String,
        #[arg(long)]
        workspace: String,
        #[arg(long)]
        username: String,
        /// At least 8 characters. May come from the environment instead of the command line.
        #[arg(long, env = "EARSHOT_PASSWORD", hide_env_values = true)]
        password: String,
        /// admin, reviewer or viewer.
        #[arg(long, value_parser = ["admin", "reviewer", "viewer"])]
        role: String,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        UserCommand::Create {
            db,
            workspace,
            username,
            password,
            role,
        } => {
            if workspace.trim().is_empty() {
                bail!("--workspace must not be empty");
            }
            let username = username.trim();
            if username.is_empty()
                || username.chars().count() > 64
                || username
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control())
            {
                bail!("--username must be 1 to 64 characters without spaces");
            }
            if password.chars().count() < 8 {
                bail!("--password must have at least 8 characters");
            }
            let Some(role) = TokenRole::parse(&role) else {
                bail!("unknown role {role:?}")
            };
            let hash = earshot_web::hash_password(&password).map_err(anyhow::Error::msg)?;
            let mut store = earshot_store::open(&db)?;
            store.upsert_user(username, &hash, &workspace, role)?;
            println!(
                "user {username:?} may log in as {} of workspace {workspace:?} in {}",
                role.as_str(),
                earshot_store::display_db(&db)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
